package dev.tenure.hr.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a request body as one flat JSON object, strictly: duplicate keys, deep nesting and absurd
 * numbers are refused by the parser itself, before anything else looks at them.
 */
final class JsonBodies {

    static final int MAX_BYTES = 64 * 1024;

    private static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxNumberLength(64)
                    .maxStringLength(MAX_BYTES)
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonBodies() {
    }

    /** The object's fields, in order; throws for anything that is not one JSON object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String body) throws JsonProcessingException {
        Object parsed = STRICT.readValue(body, Object.class);
        if (!(parsed instanceof Map)) {
            throw new NotAnObjectException();
        }
        return new LinkedHashMap<>((Map<String, Object>) parsed);
    }

    /** The body parsed, but is not a JSON object (an array, a string, null). */
    static final class NotAnObjectException extends JsonProcessingException {
        NotAnObjectException() {
            super("the body must be one JSON object");
        }
    }
}
