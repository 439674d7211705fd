package dev.tenure.hr.domain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Case-insensitive lookup of an enum's constants by name, and the list of names for reasons. */
final class EnumValues<E extends Enum<E>> {

    private final Class<E> type;
    private final Map<String, E> byName = new HashMap<>();
    private final String names;

    private EnumValues(Class<E> type) {
        this.type = type;
        for (E constant : type.getEnumConstants()) {
            byName.put(constant.name(), constant);
        }
        names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    static <E extends Enum<E>> EnumValues<E> of(Class<E> type) {
        return new EnumValues<>(type);
    }

    Class<E> type() {
        return type;
    }

    Optional<E> find(String name) {
        E exact = byName.get(name);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(byName.get(name.toUpperCase(Locale.ROOT)));
    }

    /** "JOINER, MOVER, ..." */
    String names() {
        return names;
    }
}
