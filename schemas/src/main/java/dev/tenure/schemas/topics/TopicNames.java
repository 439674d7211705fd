package dev.tenure.schemas.topics;

import java.util.regex.Pattern;

/** The rule every Tenure topic name follows: lowercase words joined by hyphens, under 63 characters. */
public final class TopicNames {

    /** Longest name allowed; keeps names valid as Kubernetes resource names (KafkaTopic) too. */
    public static final int MAX_LENGTH = 62;

    private static final Pattern LOWERCASE_HYPHENATED = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private TopicNames() {
    }

    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && LOWERCASE_HYPHENATED.matcher(name).matches();
    }

    /** Returns {@code name}, or throws if it breaks the naming rule. */
    public static String requireValid(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("Invalid topic name '" + name
                    + "': use lowercase letters and digits in hyphen-separated words, at most "
                    + MAX_LENGTH + " characters");
        }
        return name;
    }
}
