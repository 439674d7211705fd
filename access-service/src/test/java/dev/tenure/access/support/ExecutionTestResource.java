package dev.tenure.access.support;

import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.OpenLdapDirectory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link AccessTestResource} plus a real OpenLDAP slapd as the directory the service's own connector writes to
 * (creating no missing groups, so a membership in one is a permanent failure), an executor group of its own that
 * starts at the end of access-commands (the commands other tests of this JVM left there are not this test's), short
 * retry delays, and a brake of 5 disables per hour.
 */
public class ExecutionTestResource extends AccessTestResource {

    public static final int BRAKE_THRESHOLD = 5;
    /** The schema a deployment loads into slapd for distribution lists; the test loads the very same file. */
    static final Path TENURE_SCHEMA = Path.of("src/main/resources/directory/openldap/tenure.schema");

    private static volatile OpenLdapDirectory slapd;

    /** The directory of the running test. */
    public static OpenLdapDirectory directory() {
        return slapd;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        slapd = OpenLdapDirectory.start(List.of(TENURE_SCHEMA));
        config.put("tenure.access.directory.kind", "openldap");
        config.put("tenure.access.directory.urls", slapd.url());
        config.put("tenure.access.directory.bind-dn", slapd.adminDn());
        config.put("tenure.access.directory.bind-password", slapd.adminPassword());
        config.put("tenure.access.directory.users-base-dn", slapd.peopleDn());
        config.put("tenure.access.directory.groups-base-dn", slapd.groupsDn());
        config.put("tenure.access.directory.mail-domain", "example.test");
        config.put("tenure.access.directory.create-missing-groups", "false");
        config.put("tenure.access.directory.connect-timeout", "2s");
        config.put("tenure.access.directory.response-timeout", "5s");

        String group = "access-service-executor-it-" + UUID.randomUUID();
        startAtTheEnd(group);
        config.put("tenure.access.executor.group-id", group);
        config.put("tenure.access.executor.retry.initial-delay", "100ms");
        config.put("tenure.access.executor.retry.max-delay", "1s");
        config.put("tenure.access.executor.retry.give-up-after", "2m");
        config.put("tenure.access.brake.threshold", Integer.toString(BRAKE_THRESHOLD));
        config.put("tenure.access.brake.window", "1h");
        return config;
    }

    @Override
    public void stop() {
        if (slapd != null) {
            slapd.close();
        }
        super.stop();
    }

    /** Commits the group's offsets at the current end of access-commands, as if it had read everything before. */
    public static void startAtTheEnd(String group) {
        ConsumerGroups.startAtTheEnd(group, Topics.ACCESS_COMMANDS);
    }
}
