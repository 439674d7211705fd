package dev.tenure.equipment.domain.catalogue;

import java.util.List;

/**
 * A named group of job codes. A pattern is a job code ({@code ITSE-3}), a prefix ending in {@code *}
 * ({@code ITSE-*}), or {@code *} for every job.
 */
public record JobFamily(String name, List<String> patterns) {

    public JobFamily {
        patterns = List.copyOf(patterns);
    }

    public boolean includes(String jobCode) {
        if (jobCode == null) {
            return false;
        }
        for (String pattern : patterns) {
            if (pattern.endsWith("*") ? jobCode.startsWith(pattern.substring(0, pattern.length() - 1))
                    : jobCode.equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}
