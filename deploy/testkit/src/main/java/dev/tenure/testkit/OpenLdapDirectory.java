package dev.tenure.testkit;

import dev.tenure.peers.Commands;
import dev.tenure.peers.DebianPackages;
import dev.tenure.peers.Folders;
import dev.tenure.peers.Lifetime;
import dev.tenure.peers.PeerException;
import dev.tenure.peers.Ports;
import dev.tenure.peers.Readiness;
import dev.tenure.peers.SupervisedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A real OpenLDAP {@code slapd} (Debian's package, installed when missing) for tests: its own {@code slapd.conf}
 * with the memberof, refint and ppolicy overlays, an mdb database for {@value #BASE_DN} holding
 * {@value #PEOPLE_DN}, {@value #GROUPS_DN} and a default password policy with {@code pwdLockout: TRUE} (without it
 * slapd 2.5 ignores {@code pwdAccountLockedTime}), on a free loopback port, in a folder of its own.
 * Each call to {@link #start} starts a new one (they take a tenth of a second). It runs under a
 * {@link dev.tenure.peers.Supervisor}: it ends with the test JVM however that ends.
 */
public final class OpenLdapDirectory implements AutoCloseable {

    public static final String BASE_DN = "dc=example,dc=test";
    public static final String ADMIN_DN = "cn=admin," + BASE_DN;
    public static final String PEOPLE_DN = "ou=people," + BASE_DN;
    public static final String GROUPS_DN = "ou=groups," + BASE_DN;
    /** What refint puts in a group that loses its last member (groupOfNames must have one). */
    public static final String EMPTY_GROUP_MEMBER = "cn=nobody";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path workDir;
    private final int port;
    private final String adminPassword;
    private SupervisedProcess process;

    private OpenLdapDirectory(Path workDir, int port, String adminPassword) {
        this.workDir = workDir;
        this.port = port;
        this.adminPassword = adminPassword;
    }

    /** Starts a fresh directory; {@code extraSchemas} are {@code include}d after core, cosine and inetorgperson. */
    public static OpenLdapDirectory start(List<Path> extraSchemas) {
        Path slapd = DebianPackages.require("slapd", "slapd", "ldap-utils");
        TenurePeers.removeLeftoversOfDeadRuns();
        Path workDir = createWorkDir();
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        OpenLdapDirectory directory = new OpenLdapDirectory(workDir, Ports.free(), HexFormat.of().formatHex(secret));
        try {
            Path config = directory.writeConfig(extraSchemas);
            Path slapadd = slapd.resolveSibling("slapadd");
            Commands.run(List.of(slapadd.toString(), "-f", config.toString(), "-l",
                    directory.writeBaseEntries().toString()), workDir, Duration.ofSeconds(30));
            Runtime.getRuntime().addShutdownHook(new Thread(directory::close, "openldap-stop"));
            directory.startServer();
            return directory;
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Starts slapd (again) on the same port and data, e.g. after {@link #stopServer()}. */
    public synchronized void startServer() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path slapd = DebianPackages.require("slapd", "slapd", "ldap-utils");
        Ports.requireFree(port, "slapd", "another port (it was free a moment ago)");
        List<String> command = new ArrayList<>(List.of(slapd.toString(), "-f",
                workDir.resolve("slapd.conf").toString(), "-h", url() + "/", "-d", "0"));
        // The supervisor must not delete the data when slapd stops: stopServer() and startServer() keep it.
        process = SupervisedProcess.start("slapd", command, Map.of(), workDir, workDir.resolve("slapd.log"),
                Lifetime.boundToThisJvm(null));
        Readiness.await(process, START_TIMEOUT, () -> accepts(port));
    }

    /** Stops slapd, keeping its data: the directory is down until {@link #startServer()}. */
    public synchronized void stopServer() {
        if (process != null) {
            process.serverPid().ifPresent(pid -> Commands.run(List.of("kill", "-CONT", Long.toString(pid)), workDir,
                    Duration.ofSeconds(10))); // a paused slapd could not hear the request to stop
            process.stop(Duration.ofSeconds(10));
            process = null;
        }
    }

    /** Freezes slapd (SIGSTOP): connections stay open but nothing is answered, as with a hung server. */
    public synchronized void pauseServer() {
        signal("-STOP");
    }

    /** Lets a paused slapd go on (SIGCONT). */
    public synchronized void resumeServer() {
        signal("-CONT");
    }

    private void signal(String signal) {
        long pid = process == null ? -1 : process.serverPid().orElse(-1L);
        if (pid < 0) {
            throw new PeerException("slapd is not running");
        }
        Commands.run(List.of("kill", signal, Long.toString(pid)), workDir, Duration.ofSeconds(10));
    }

    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    public String adminDn() {
        return ADMIN_DN;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public String baseDn() {
        return BASE_DN;
    }

    public String peopleDn() {
        return PEOPLE_DN;
    }

    public String groupsDn() {
        return GROUPS_DN;
    }

    /** The environment that points a packaged access-service's directory connector at this directory. */
    public Map<String, String> accessServiceEnvironment() {
        return Map.of(
                "TENURE_ACCESS_DIRECTORY_KIND", "openldap",
                "TENURE_ACCESS_DIRECTORY_URLS", url(),
                "TENURE_ACCESS_DIRECTORY_BIND_DN", adminDn(),
                "TENURE_ACCESS_DIRECTORY_BIND_PASSWORD", adminPassword(),
                "TENURE_ACCESS_DIRECTORY_USERS_BASE_DN", peopleDn(),
                "TENURE_ACCESS_DIRECTORY_GROUPS_BASE_DN", groupsDn(),
                "TENURE_ACCESS_DIRECTORY_MAIL_DOMAIN", "example.test");
    }

    public String emptyGroupMember() {
        return EMPTY_GROUP_MEMBER;
    }

    @Override
    public synchronized void close() {
        stopServer();
        Folders.deleteRecursively(workDir);
    }

    private Path writeConfig(List<Path> extraSchemas) {
        StringBuilder conf = new StringBuilder("# Written by Tenure's test kit (OpenLdapDirectory).\n");
        for (String schema : List.of("core", "cosine", "inetorgperson")) {
            conf.append("include /etc/ldap/schema/").append(schema).append(".schema\n");
        }
        for (Path schema : extraSchemas) {
            conf.append("include ").append(schema.toAbsolutePath()).append('\n');
        }
        conf.append(String.join("\n",
                "pidfile " + workDir.resolve("slapd.pid"),
                "argsfile " + workDir.resolve("slapd.args"),
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "moduleload memberof",
                "moduleload refint",
                "moduleload ppolicy",
                "database mdb",
                "maxsize 67108864",
                "suffix \"" + BASE_DN + "\"",
                "rootdn \"" + ADMIN_DN + "\"",
                "rootpw " + adminPassword,
                "directory " + workDir.resolve("db"),
                "index objectClass eq",
                "index uid,cn,mail,employeeNumber,member eq",
                // overlays run last-declared first; memberof keeps memberOf, refint cleans member/manager on delete
                "overlay memberof",
                "memberof-group-oc groupOfNames",
                "memberof-member-ad member",
                "memberof-memberof-ad memberOf",
                "memberof-refint TRUE",
                "overlay refint",
                "refint_attributes member manager",
                "refint_nothing \"" + EMPTY_GROUP_MEMBER + "\"",
                "overlay ppolicy",
                "ppolicy_default \"cn=default,ou=policies," + BASE_DN + "\"",
                ""));
        try {
            Files.createDirectories(workDir.resolve("db"));
            return Files.writeString(workDir.resolve("slapd.conf"), conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path writeBaseEntries() {
        String ldif = String.join("\n",
                "dn: " + BASE_DN, "objectClass: dcObject", "objectClass: organization", "o: Example", "dc: example", "",
                "dn: " + PEOPLE_DN, "objectClass: organizationalUnit", "ou: people", "",
                "dn: " + GROUPS_DN, "objectClass: organizationalUnit", "ou: groups", "",
                "dn: ou=policies," + BASE_DN, "objectClass: organizationalUnit", "ou: policies", "",
                "dn: cn=default,ou=policies," + BASE_DN, "objectClass: organizationalRole", "objectClass: pwdPolicy",
                "cn: default", "pwdAttribute: userPassword", "pwdLockout: TRUE", "");
        try {
            return Files.writeString(workDir.resolve("base.ldif"), ldif);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path createWorkDir() {
        try {
            Files.createDirectories(TenurePeers.WORK_ROOT);
            return Files.createTempDirectory(TenurePeers.WORK_ROOT, ProcessHandle.current().pid() + "-slapd-");
        } catch (IOException e) {
            throw new PeerException("cannot create a work folder under " + TenurePeers.WORK_ROOT + ": "
                    + e.getMessage(), e);
        }
    }
}
