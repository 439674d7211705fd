package dev.tenure.hr.ledger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance per distinct value of the ledger's few-valued text (agencies, types, submitters, departments,
 * job titles, locations, zones): a million events then hold a few thousand strings, not millions of copies. Past
 * {@code capacity} distinct values it stops remembering new ones, so hostile variety cannot grow it without bound.
 */
final class Interner {

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final int capacity;

    Interner(int capacity) {
        this.capacity = capacity;
    }

    String intern(String value) {
        if (value == null) {
            return null;
        }
        String shared = values.get(value);
        if (shared != null) {
            return shared;
        }
        if (values.size() >= capacity) {
            return value;
        }
        shared = values.putIfAbsent(value, value);
        return shared == null ? value : shared;
    }
}
