package dev.tenure.access.directory;

import dev.tenure.access.connector.AccountProfile;
import java.util.Locale;
import java.util.Optional;

/** Attribute values both dialects derive the same way from a profile or a group name. */
final class DirectoryValues {

    private DirectoryValues() {
    }

    /** The name shown: the preferred given name if there is one, then the family name. */
    static String displayName(AccountProfile profile) {
        return profile.preferredName().filter(n -> !n.isBlank()).orElse(profile.givenName()).strip() + " "
                + profile.familyName().strip();
    }

    /** A value to write, or empty for a blank one (directories refuse empty values: the attribute is removed). */
    static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** A distribution list's address: its name in lower case, anything but letters, digits, '.', '_' as '-'. */
    static String listAddress(String cn, DirectorySettings settings) {
        String local = cn.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        return (local.isEmpty() ? "list" : local) + "@" + settings.mailDomain();
    }
}
