package dev.tenure.schemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** Collects every named schema (records, enums, fixed) reachable from some root schemas. */
public final class SchemaWalker {

    private final Map<String, Schema> named = new LinkedHashMap<>();

    public static SchemaWalker walk(List<Schema> roots) {
        SchemaWalker walker = new SchemaWalker();
        roots.forEach(walker::visit);
        return walker;
    }

    public List<Schema> records() {
        return ofType(Schema.Type.RECORD);
    }

    public List<Schema> enums() {
        return ofType(Schema.Type.ENUM);
    }

    public List<Schema> named() {
        return List.copyOf(named.values());
    }

    /** Every field of every record, as "Record.field" → field. */
    public Map<String, Schema.Field> fields() {
        Map<String, Schema.Field> fields = new LinkedHashMap<>();
        for (Schema record : records()) {
            record.getFields().forEach(field -> fields.put(record.getName() + "." + field.name(), field));
        }
        return fields;
    }

    private List<Schema> ofType(Schema.Type type) {
        List<Schema> result = new ArrayList<>();
        named.values().stream().filter(schema -> schema.getType() == type).forEach(result::add);
        return result;
    }

    private void visit(Schema schema) {
        switch (schema.getType()) {
            case RECORD -> {
                if (named.putIfAbsent(schema.getFullName(), schema) == null) {
                    schema.getFields().forEach(field -> visit(field.schema()));
                }
            }
            case ENUM, FIXED -> named.putIfAbsent(schema.getFullName(), schema);
            case UNION -> schema.getTypes().forEach(this::visit);
            case ARRAY -> visit(schema.getElementType());
            case MAP -> visit(schema.getValueType());
            default -> {
                // primitives hold no named types
            }
        }
    }
}
