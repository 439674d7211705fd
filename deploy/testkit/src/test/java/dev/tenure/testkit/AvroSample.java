package dev.tenure.testkit;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.Conversion;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificRecordBase;

/** A record as the Avro compiler writes one, with a date and a timestamp-millis field. */
public final class AvroSample extends SpecificRecordBase {

    public static final Schema SCHEMA$ = new Schema.Parser().parse("""
            {"type": "record", "name": "AvroSample", "namespace": "dev.tenure.testkit", "fields": [
              {"name": "personId", "type": {"type": "string", "avro.java.string": "String"}},
              {"name": "day", "type": {"type": "int", "logicalType": "date"}},
              {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}}]}""");
    private static final Conversion<?>[] CONVERSIONS = {null, new TimeConversions.DateConversion(),
            new TimeConversions.TimestampMillisConversion()};

    String personId;
    LocalDate day;
    Instant at;

    public AvroSample() { // for Avro's reader
    }

    AvroSample(String personId, LocalDate day, Instant at) {
        this.personId = personId;
        this.day = day;
        this.at = at;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Conversion<?> getConversion(int field) {
        return CONVERSIONS[field];
    }

    @Override
    public Object get(int field) {
        return switch (field) {
            case 0 -> personId;
            case 1 -> day;
            case 2 -> at;
            default -> throw new IndexOutOfBoundsException(field);
        };
    }

    @Override
    public void put(int field, Object value) {
        switch (field) {
            case 0 -> personId = value.toString();
            case 1 -> day = (LocalDate) value;
            case 2 -> at = (Instant) value;
            default -> throw new IndexOutOfBoundsException(field);
        }
    }
}
