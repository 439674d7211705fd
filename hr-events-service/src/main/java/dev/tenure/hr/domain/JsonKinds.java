package dev.tenure.hr.domain;

import java.util.Collection;
import java.util.Map;

/** Names the kind of a value a JSON parser produced, for "must be a string, not a number". */
final class JsonKinds {

    private JsonKinds() {}

    static String describe(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof Number) {
            return "a number";
        } else if (value instanceof Map) {
            return "an object";
        } else if (value instanceof Collection || value.getClass().isArray()) {
            return "an array";
        }
        return "another kind of value";
    }
}
