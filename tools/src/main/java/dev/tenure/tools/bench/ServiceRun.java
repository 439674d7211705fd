package dev.tenure.tools.bench;

import dev.tenure.tools.auth.KeyPairFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a replay benchmark ({@code bench-planner}, {@code bench-sle}) does around the packaged service it measures: a
 * run folder of its own (the service's state, a throw-away key pair, its log), the service started there as a
 * {@link ServiceProcess} under the run's application id, and afterwards the folder and the application's internal
 * topics removed, unless asked to keep them or the run did not complete.
 *
 * @param log where progress goes
 */
public record ServiceRun(String applicationId, Path dir, PrintStream log) {

    /** A new run folder in the temporary directory, named after {@code prefix}, for the service run as {@code applicationId}. */
    public static ServiceRun create(String prefix, String applicationId, PrintStream log) throws IOException {
        return new ServiceRun(applicationId, Files.createTempDirectory(prefix), log);
    }

    /** Where the service keeps its state (Kafka Streams' state directory). */
    public Path stateDir() {
        return dir.resolve("state");
    }

    /** Where {@link #newKeyPair()} writes the key pair. */
    public Path keysDir() {
        return dir.resolve("keys");
    }

    /** Writes a throw-away key pair into {@link #keysDir()} and returns the public half's file, for the service. */
    public Path newKeyPair() {
        KeyPairFiles.generateInto(keysDir(), false);
        return keysDir().resolve(KeyPairFiles.PUBLIC_KEY_FILE);
    }

    /** The service's JVM options, plus a JFR recording (profile settings, written when it exits) into {@code jfr}. */
    public static List<String> jvmOptions(List<String> options, Optional<Path> jfr) {
        List<String> jvmOptions = new ArrayList<>(options);
        jfr.ifPresent(file -> jvmOptions.add("-XX:StartFlightRecording=filename="
                + file.toAbsolutePath() + ",settings=profile,dumponexit=true"));
        return jvmOptions;
    }

    /** Starts the service's packaged app in the run folder; its output goes to {@code <name>.log} there. */
    public ServiceProcess start(String name, Path app, List<String> jvmOptions, Map<String, String> environment) {
        log.printf("starting %s (%s) as %s, files in %s%n", name, app, applicationId, dir);
        return ServiceProcess.start(new ServiceProcess.Settings(name, app, jvmOptions, dir, dir.resolve(name + ".log"),
                environment));
    }

    /** Removes the run's files and internal topics, unless asked to keep them or the run did not complete. */
    public void cleanUp(BenchAdmin admin, boolean keep, boolean completed) throws InterruptedException {
        if (keep || !completed) {
            log.println("kept: " + dir + " and the internal topics of " + applicationId);
            return;
        }
        try {
            deleteRecursively(dir);
            List<String> deleted = admin.deleteTopicsStartingWith(applicationId + "-");
            log.printf("cleaned up: %s and %d internal topics of %s%n", dir, deleted.size(), applicationId);
        } catch (IllegalStateException | UncheckedIOException e) {
            log.println("could not clean up after " + applicationId + " (" + dir + "): " + e.getMessage());
        }
        // The group itself stays: Kafka Streams does not leave its group on close, so the broker holds the member
        // until its session times out and refuses to delete the group before; its offsets expire with the broker's
        // offsets.retention.minutes.
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
