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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Samba 4 Active Directory domain controller (Debian's {@code samba-ad-dc}, installed when missing) for
 * tests: a domain {@value #REALM} provisioned into a folder of its own, run as {@code samba -F -M single} with only
 * the LDAP service, under a {@link dev.tenure.peers.Supervisor} so it ends with the test JVM however that ends.
 * <ul>
 *   <li>LDAPS on 636 with a certificate made here for {@code 127.0.0.1}/{@code localhost} by a CA made here
 *       ({@link #caCertificate()}): AD takes passwords ({@code unicodePwd}) only over an encrypted connection.</li>
 *   <li>Plain LDAP on 389 accepts simple binds ({@code ldap server require strong auth = no}), so a test can bind
 *       as a user and see AD's own refusal ({@code data 533} for a disabled account).</li>
 * </ul>
 * Samba's ports are fixed (389, 636, 3268, 3269, on 127.0.0.1), so one runs per machine: {@link #shared()} starts
 * one per test JVM, and fails at once, saying so, when another one (another test JVM's) holds the ports.
 */
public final class SambaAdDirectory {

    public static final String REALM = "EXAMPLE.TEST";
    public static final String DOMAIN = "EXAMPLE";
    public static final String DNS_DOMAIN = "example.test";
    public static final String BASE_DN = "DC=example,DC=test";
    public static final String USERS_DN = "CN=Users," + BASE_DN;
    public static final String ADMIN_DN = "CN=Administrator," + USERS_DN;
    public static final int LDAP_PORT = 389;
    public static final int LDAPS_PORT = 636;
    static final List<Integer> PORTS = List.of(LDAP_PORT, LDAPS_PORT, 3268, 3269);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static SambaAdDirectory shared;

    private final Path workDir;
    private final String adminPassword;
    private final Duration provisioningTime;
    private SupervisedProcess process;

    private SambaAdDirectory(Path workDir, String adminPassword, Duration provisioningTime) {
        this.workDir = workDir;
        this.adminPassword = adminPassword;
        this.provisioningTime = provisioningTime;
    }

    /** The domain controller of this test JVM, provisioned and started on first use. */
    public static synchronized SambaAdDirectory shared() {
        if (shared == null) {
            shared = provisionAndStart();
        }
        return shared;
    }

    private static SambaAdDirectory provisionAndStart() {
        Path samba = DebianPackages.require("samba", "samba", "samba-ad-dc", "samba-ad-provision");
        Path sambaTool = DebianPackages.require("samba-tool", "samba-common-bin");
        Path openssl = DebianPackages.require("openssl", "openssl");
        requirePortsFree();
        TenurePeers.removeLeftoversOfDeadRuns();
        Path workDir = createWorkDir();
        long begun = System.nanoTime();
        String adminPassword = newAdminPassword();
        SambaAdDirectory directory = null;
        try {
            Commands.run(List.of(sambaTool.toString(), "domain", "provision", "--realm=" + REALM, "--domain=" + DOMAIN,
                    "--server-role=dc", "--dns-backend=NONE", "--adminpass=" + adminPassword,
                    "--targetdir=" + workDir, "--host-name=dc1",
                    "--option=interfaces=lo", "--option=bind interfaces only=yes", "--option=server services=ldap",
                    "--option=pid directory=" + workDir, "--option=disable netbios=yes",
                    "--option=log file=" + workDir.resolve("samba-internal.log"),
                    "--option=tls enabled = yes",
                    "--option=tls keyfile = " + workDir.resolve("tls/key.pem"),
                    "--option=tls certfile = " + workDir.resolve("tls/cert.pem"),
                    "--option=tls cafile = " + workDir.resolve("tls/ca.pem")),
                    workDir, Duration.ofMinutes(5));
            allowPlainSimpleBinds(workDir.resolve("etc/smb.conf"));
            makeCertificates(openssl, workDir.resolve("tls"));
            directory = new SambaAdDirectory(workDir, adminPassword, Duration.ofNanos(System.nanoTime() - begun));
            SambaAdDirectory started = directory;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "samba-ad-stop"));
            directory.startServer(samba);
            return directory;
        } catch (RuntimeException e) {
            if (directory != null) {
                directory.close();
            } else {
                Folders.deleteRecursively(workDir);
            }
            throw e;
        }
    }

    /** Starts samba (again) on the same data, e.g. after {@link #stopServer()}. */
    public synchronized void startServer() {
        startServer(DebianPackages.require("samba", "samba", "samba-ad-dc", "samba-ad-provision"));
    }

    private void startServer(Path samba) {
        if (process != null && process.isAlive()) {
            return;
        }
        requirePortsFree();
        List<String> command = List.of(samba.toString(), "-F", "-M", "single", "--no-process-group",
                "--debug-stdout", "-s", workDir.resolve("etc/smb.conf").toString());
        // The supervisor must not delete the domain when samba stops: stopServer() and startServer() keep it.
        process = SupervisedProcess.start("samba-ad-dc", command, Map.of(), workDir, workDir.resolve("samba.log"),
                Lifetime.boundToThisJvm(null));
        Readiness.await(process, START_TIMEOUT,
                () -> OpenLdapDirectory.accepts(LDAP_PORT) && OpenLdapDirectory.accepts(LDAPS_PORT));
    }

    /** Stops samba, keeping the domain: the directory is down until {@link #startServer()}. */
    public synchronized void stopServer() {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
            process = null;
        }
    }

    /** Plain LDAP, for simple binds as a user. */
    public String ldapUrl() {
        return "ldap://127.0.0.1:" + LDAP_PORT;
    }

    /** LDAPS, trusted with {@link #caCertificate()}; the host name 127.0.0.1 is in the certificate. */
    public String ldapsUrl() {
        return "ldaps://127.0.0.1:" + LDAPS_PORT;
    }

    /** The PEM of the CA that signed the LDAPS certificate. */
    public Path caCertificate() {
        return workDir.resolve("tls/ca.pem");
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

    public String usersDn() {
        return USERS_DN;
    }

    /** The domain's DNS name, the suffix of userPrincipalName. */
    public String upnSuffix() {
        return DNS_DOMAIN;
    }

    /** How long {@code samba-tool domain provision} and the certificates took. */
    public Duration provisioningTime() {
        return provisioningTime;
    }

    private synchronized void close() {
        stopServer();
        Folders.deleteRecursively(workDir);
    }

    private static void requirePortsFree() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new PeerException("Samba AD listens on ports below 1024 (389, 636): run the tests as root");
        }
        for (int port : PORTS) {
            if (!Ports.isFree(port)) {
                throw new PeerException("Samba AD needs the fixed port " + port + ", which is in use: only one Samba"
                        + " AD DC runs per machine, probably another test JVM's (ss -ltnp 'sport = :" + port
                        + "'); wait for it to finish or stop it, then run again");
            }
        }
    }

    /** samba-tool drops this option when given to the provisioning, so it goes into the generated smb.conf. */
    private static void allowPlainSimpleBinds(Path smbConf) {
        try {
            String conf = Files.readString(smbConf);
            if (!conf.contains("[global]")) {
                throw new PeerException("the provisioned " + smbConf + " has no [global] section");
            }
            Files.writeString(smbConf, conf.replaceFirst("\\[global\\]",
                    "[global]\n\tldap server require strong auth = no"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CA and a server certificate for 127.0.0.1, localhost and dc1.example.test; the key as samba wants it. */
    private static void makeCertificates(Path openssl, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:dc1."
                    + DNS_DOMAIN + "\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String ossl = openssl.toString();
        Duration timeout = Duration.ofMinutes(1);
        Commands.run(List.of(ossl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out",
                "ca.pem", "-days", "7", "-subj", "/CN=Tenure test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign"), dir, timeout);
        Commands.run(List.of(ossl, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "server.csr",
                "-subj", "/CN=dc1." + DNS_DOMAIN), dir, timeout);
        Commands.run(List.of(ossl, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "cert.pem", "-days", "7", "-extfile", "server.ext"), dir, timeout);
        try {
            // samba refuses a private key that others can read
            Files.setPosixFilePermissions(dir.resolve("key.pem"), PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Meets AD's default complexity rules (three character classes, at least 7 characters). */
    private static String newAdminPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder("Tn-");
        String chars = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < 16; i++) {
            password.append(chars.charAt(random.nextInt(chars.length())));
        }
        return password.append("7a").toString();
    }

    private static Path createWorkDir() {
        try {
            Files.createDirectories(TenurePeers.WORK_ROOT);
            return Files.createTempDirectory(TenurePeers.WORK_ROOT, ProcessHandle.current().pid() + "-samba-");
        } catch (IOException e) {
            throw new PeerException("cannot create a work folder under " + TenurePeers.WORK_ROOT + ": "
                    + e.getMessage(), e);
        }
    }
}
