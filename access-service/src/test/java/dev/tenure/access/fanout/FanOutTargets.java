package dev.tenure.access.fanout;

import dev.tenure.access.support.PackagedAccessEnvironment;
import dev.tenure.testkit.OpenLdapDirectory;
import dev.tenure.testkit.PackagedService;
import dev.tenure.testkit.ScimServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The targets a leaver is cut from, all real: slapd as the directory, scimmy standing for the example policy's Slack
 * workspace (target {@code slack}, over SCIM 2.0), and the packaged access-service configured for them as a
 * deployment would be, only through its environment. The mass-change brake is raised: a run cuts hundreds of people
 * at once on purpose, which the production default (50 in 5 minutes) would rightly pause.
 */
final class FanOutTargets implements AutoCloseable {

    static final String DIRECTORY = "directory";
    static final String SLACK = "slack";
    private static final Path TENURE_SCHEMA = Path.of("src/main/resources/directory/openldap/tenure.schema");

    final OpenLdapDirectory slapd;
    final ScimServer slack;
    private PackagedService service;

    private FanOutTargets(OpenLdapDirectory slapd, ScimServer slack) {
        this.slapd = slapd;
        this.slack = slack;
    }

    static FanOutTargets start() {
        OpenLdapDirectory slapd = OpenLdapDirectory.start(List.of(TENURE_SCHEMA));
        try {
            return new FanOutTargets(slapd, ScimServer.start(ScimServer.Kind.SCIMMY));
        } catch (RuntimeException e) {
            slapd.close();
            throw e;
        }
    }

    /** Starts the service with these JVM options (tests: small and quick; the benchmark: as deployed). */
    PackagedService startService(String name, List<String> jvmOptions, Duration within) {
        Map<String, String> env = new HashMap<>(PackagedAccessEnvironment.create(name, slapd).env());
        String app = "TENURE_ACCESS_SCIM_APPS__" + SLACK.toUpperCase() + "__";
        env.put(app + "BASE_URL", slack.baseUrl());
        env.put(app + "TOKEN", slack.token());
        env.put(app + "MAIL_DOMAIN", "example.test");
        env.put("TENURE_ACCESS_MANAGED_TARGETS", DIRECTORY + "," + SLACK);
        env.put("TENURE_ACCESS_BRAKE_THRESHOLD", "1000000");
        Path moduleDir = PackagedService.moduleDir();
        service = PackagedService.start(moduleDir.resolve("target/quarkus-app"), name, env, 0, jvmOptions, moduleDir,
                moduleDir.resolve("target/" + name + ".log")).awaitReady(within);
        return service;
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
        slack.close();
        slapd.close();
    }
}
