package dev.tenure.peers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server running under a {@link Supervisor}, with its output in one log file. Its identity
 * (pid + start instant) can be written down and re-attached to by a later command, as the local
 * launcher's {@code down} and {@code status} do; the start instant guards against a reused pid.
 */
public final class SupervisedProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final ProcessHandle supervisor;
    private final Path logFile;

    private SupervisedProcess(String name, ProcessHandle supervisor, Path logFile) {
        this.name = name;
        this.supervisor = supervisor;
        this.logFile = logFile;
    }

    public static SupervisedProcess start(String name, List<String> command, Map<String, String> environment,
                                          Path workDir, Path logFile, Lifetime lifetime) {
        List<String> full = new ArrayList<>();
        if (lifetime.isDetached() && Files.isExecutable(SETSID)) {
            full.add(SETSID.toString()); // its own session: closing the terminal that ran `up` does not stop it
        }
        full.addAll(List.of(currentJava().toString(), "-Xmx24m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", supervisorClasspath(), Supervisor.class.getName(),
                Long.toString(lifetime.ownerPid()),
                lifetime.deleteOnEnd() == null ? "-" : lifetime.deleteOnEnd().toString(), "--"));
        full.addAll(command);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            return new SupervisedProcess(name, builder.start().toHandle(), logFile);
        } catch (IOException e) {
            throw new PeerException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Re-attaches to a process recorded by {@link #writeIdentity}, if that very process still runs. */
    public static Optional<SupervisedProcess> attach(String name, Path identityFile, Path logFile) {
        try {
            if (!Files.isRegularFile(identityFile)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(identityFile).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            long startedMillis = Long.parseLong(parts[1]);
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == startedMillis)
                    .map(h -> new SupervisedProcess(name, h, logFile));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable record means nothing we can safely stop
        }
    }

    public void writeIdentity(Path identityFile) {
        long startedMillis = supervisor.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
        try {
            Files.createDirectories(identityFile.getParent());
            Files.writeString(identityFile, supervisor.pid() + " " + startedMillis + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return supervisor.pid();
    }

    /** The pid of the server itself (the supervisor's child), if it runs. */
    public Optional<Long> serverPid() {
        return supervisor.children().findFirst().map(ProcessHandle::pid);
    }

    public boolean isAlive() {
        return supervisor.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Stops gracefully (the supervisor stops the server), by force after {@code timeout}. */
    public void stop(Duration timeout) {
        if (!supervisor.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(supervisor.descendants().toList());
        supervisor.destroy();
        try {
            supervisor.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            supervisor.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(p -> p.onExit().completeOnTimeout(p, 5, TimeUnit.SECONDS).join());
    }

    /** The last lines of the log, to explain a failed start. */
    public String lastLogLines(int count) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }

    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static String supervisorClasspath() {
        try {
            return Path.of(Supervisor.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
