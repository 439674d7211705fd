package dev.tenure.access.fanout;

import dev.tenure.access.support.PackagedAccessEnvironment;
import dev.tenure.peers.KeycloakServer;
import dev.tenure.testkit.Keycloak;
import dev.tenure.testkit.OpenLdapDirectory;
import dev.tenure.testkit.PackagedService;
import dev.tenure.testkit.ScimServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The targets a leaver is cut from, all real: slapd as the directory, scimmy standing for the example policy's Slack
 * workspace (target {@code slack}, over SCIM 2.0), a realm of its own in Keycloak as the identity provider (target
 * {@code idp}, the policy's {@code mfa}), and the packaged access-service configured for them as a deployment would
 * be, only through its environment. The mass-change brake is raised: a run cuts hundreds of people
 * at once on purpose, which the production default (50 in 5 minutes) would rightly pause.
 */
final class FanOutTargets implements AutoCloseable {

    static final String DIRECTORY = "directory";
    static final String SLACK = "slack";
    static final String IDP = "idp";
    private static final Path TENURE_SCHEMA = Path.of("src/main/resources/directory/openldap/tenure.schema");

    final OpenLdapDirectory slapd;
    final ScimServer slack;
    final KeycloakServer keycloak;
    final KeycloakServer.Realm realm;
    private PackagedService service;

    private FanOutTargets(OpenLdapDirectory slapd, ScimServer slack, KeycloakServer keycloak, KeycloakServer.Realm realm) {
        this.slapd = slapd;
        this.slack = slack;
        this.keycloak = keycloak;
        this.realm = realm;
    }

    static FanOutTargets start() {
        OpenLdapDirectory slapd = OpenLdapDirectory.start(List.of(TENURE_SCHEMA));
        ScimServer slack = null;
        try {
            slack = ScimServer.start(ScimServer.Kind.SCIMMY);
            KeycloakServer keycloak = Keycloak.shared(); // one per test JVM, stopped when it ends
            KeycloakServer.Realm realm = keycloak.createRealm("fanout-" + UUID.randomUUID().toString().substring(0, 8));
            return new FanOutTargets(slapd, slack, keycloak, realm);
        } catch (RuntimeException e) {
            if (slack != null) {
                slack.close();
            }
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
        env.put("TENURE_ACCESS_IDP_BASE_URL", keycloak.baseUrl());
        env.put("TENURE_ACCESS_IDP_REALM", realm.name());
        env.put("TENURE_ACCESS_IDP_CLIENT_ID", realm.clientId());
        env.put("TENURE_ACCESS_IDP_CLIENT_SECRET", realm.clientSecret());
        env.put("TENURE_ACCESS_IDP_MAIL_DOMAIN", "example.test");
        env.put("TENURE_ACCESS_MANAGED_TARGETS", String.join(",", DIRECTORY, SLACK, IDP));
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
