package dev.tenure.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import dev.tenure.peers.PeerException;

/**
 * The local deployment's settings: one data folder and the ports. Given on the command line as
 * {@code --name value}; what {@code up} used is saved in the data folder, so {@code status} and
 * {@code down} (and the next {@code up}) find the same system without repeating the options.
 */
public record LocalSettings(Path dataDir, Path repoDir, int kafkaPort, int kafkaControllerPort, int registryPort,
                            int registryManagementPort, int firstServicePort, boolean withServices, boolean withDemo,
                            boolean withScimApp, int scimAppPort, boolean withIdp, int idpPort,
                            int idpManagementPort, Optional<Instant> clockStart, double clockSpeed, Optional<Instant> clockAnchor) {

    static final String SAVED = "launcher.properties";

    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("data-dir", ".tenure/local");
        d.put("repo-dir", ".");
        d.put("kafka-port", "9092");
        d.put("kafka-controller-port", "9093");
        d.put("registry-port", "8085");
        d.put("registry-management-port", "9085");
        d.put("first-service-port", "8091");
        d.put("services", "true");
        d.put("demo", "true");
        d.put("scim-app", "true");
        d.put("scim-app-port", "8095");
        d.put("idp", "false");
        d.put("idp-port", "8096");
        d.put("idp-management-port", "9096");
        d.put("clock-start", "");
        d.put("clock-speed", "1");
        d.put("clock-anchor", "");
        return Map.copyOf(d);
    }

    /** Options from the command line over what the data folder saved over the defaults. */
    static LocalSettings resolve(Map<String, String> options) {
        for (String name : options.keySet()) {
            if (!DEFAULTS.containsKey(name)) {
                throw new PeerException("unknown option --" + name + "; known: --" + String.join(", --", DEFAULTS.keySet()));
            }
        }
        Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
        Path dataDir = Path.of(options.getOrDefault("data-dir", DEFAULTS.get("data-dir")));
        merged.putAll(saved(dataDir));
        merged.putAll(options);
        merged.put("data-dir", dataDir.toString());
        return fromMap(merged);
    }

    private static LocalSettings fromMap(Map<String, String> m) {
        double speed = number(m, "clock-speed");
        if (!(speed > 0)) {
            throw new PeerException("--clock-speed must be > 0, was " + m.get("clock-speed"));
        }
        return new LocalSettings(Path.of(m.get("data-dir")).toAbsolutePath().normalize(),
                Path.of(m.get("repo-dir")).toAbsolutePath().normalize(),
                port(m, "kafka-port"), port(m, "kafka-controller-port"), port(m, "registry-port"),
                port(m, "registry-management-port"), port(m, "first-service-port"),
                Boolean.parseBoolean(m.get("services")), Boolean.parseBoolean(m.get("demo")),
                Boolean.parseBoolean(m.get("scim-app")), port(m, "scim-app-port"), Boolean.parseBoolean(m.get("idp")),
                port(m, "idp-port"), port(m, "idp-management-port"), instant(m, "clock-start"), speed, instant(m, "clock-anchor"));
    }

    /** Fixes the clock's anchor at the first {@code up}, so every service, started now or later, agrees. */
    LocalSettings anchoredAt(Instant now) {
        if (clockStart.isEmpty() || clockAnchor.isPresent()) {
            return this;
        }
        return new LocalSettings(dataDir, repoDir, kafkaPort, kafkaControllerPort, registryPort, registryManagementPort,
                firstServicePort, withServices, withDemo, withScimApp, scimAppPort, withIdp, idpPort, idpManagementPort, clockStart, clockSpeed,
                Optional.of(now));
    }

    void save() {
        Properties p = new Properties();
        p.setProperty("repo-dir", repoDir.toString());
        p.setProperty("kafka-port", Integer.toString(kafkaPort));
        p.setProperty("kafka-controller-port", Integer.toString(kafkaControllerPort));
        p.setProperty("registry-port", Integer.toString(registryPort));
        p.setProperty("registry-management-port", Integer.toString(registryManagementPort));
        p.setProperty("first-service-port", Integer.toString(firstServicePort));
        p.setProperty("services", Boolean.toString(withServices));
        p.setProperty("demo", Boolean.toString(withDemo));
        p.setProperty("scim-app", Boolean.toString(withScimApp));
        p.setProperty("scim-app-port", Integer.toString(scimAppPort));
        p.setProperty("idp", Boolean.toString(withIdp));
        p.setProperty("idp-port", Integer.toString(idpPort));
        p.setProperty("idp-management-port", Integer.toString(idpManagementPort));
        p.setProperty("clock-start", clockStart.map(Instant::toString).orElse(""));
        p.setProperty("clock-speed", Double.toString(clockSpeed));
        p.setProperty("clock-anchor", clockAnchor.map(Instant::toString).orElse(""));
        try {
            Files.createDirectories(dataDir);
            try (OutputStream out = Files.newOutputStream(dataDir.resolve(SAVED))) {
                p.store(out, "Settings of the last `up`; change them with options to `up`.");
            }
        } catch (IOException e) {
            throw new PeerException("cannot write to the data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> saved(Path dataDir) {
        Path file = dataDir.resolve(SAVED);
        if (!Files.exists(file)) {
            return Map.of();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new PeerException(file + " is damaged (" + e.getMessage() + "); delete it and pass the options again");
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(DEFAULTS::containsKey).forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    private static int port(Map<String, String> m, String name) {
        double value = number(m, name);
        if (value != Math.rint(value) || value < 1 || value > 65535) {
            throw new PeerException("--" + name + " must be a port number from 1 to 65535, was " + m.get(name));
        }
        return (int) value;
    }

    private static double number(Map<String, String> m, String name) {
        try {
            return Double.parseDouble(m.get(name));
        } catch (NumberFormatException e) {
            throw new PeerException("--" + name + " must be a number, was '" + m.get(name) + "'");
        }
    }

    private static Optional<Instant> instant(Map<String, String> m, String name) {
        String value = m.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new PeerException("--" + name + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z, was '"
                    + value + "'");
        }
    }
}
