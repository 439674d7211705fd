package dev.tenure.hr.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBodies() {
    }

    /** The body as text, decoded strictly: bytes that are not UTF-8 are refused, never replaced. */
    static String utf8(byte[] body) throws MalformedJsonException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedJsonException("The body is not valid UTF-8.");
        }
    }

    /** The object's fields, in order; throws for anything that is not exactly one JSON object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String body) throws MalformedJsonException {
        Object parsed;
        try {
            parsed = STRICT.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new MalformedJsonException("The body is not one well-formed JSON object" + where + ".");
        }
        if (!(parsed instanceof Map)) {
            throw new MalformedJsonException("The body must be one JSON object, not an array, a string or null.");
        }
        return new LinkedHashMap<>((Map<String, Object>) parsed);
    }
}
