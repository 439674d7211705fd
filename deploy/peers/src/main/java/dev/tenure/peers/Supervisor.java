package dev.tenure.peers;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A tiny process that runs one server as its child and guarantees its end. Used as
 * {@code Supervisor <ownerPid|0> <dirToDelete|-> -- command...}.
 * <ul>
 *   <li>When the owner process dies — even by {@code kill -9}, which runs no shutdown hook of the
 *       owner — the supervisor stops the server and deletes its data folder: a killed test run
 *       leaves no stray broker behind and no gigabytes in /tmp.</li>
 *   <li>When the supervisor is asked to stop (SIGTERM), it stops the server gracefully, then by
 *       force after a grace period.</li>
 * </ul>
 * Depends on nothing but the JDK, so it starts in a fraction of a second with a tiny heap.
 */
public final class Supervisor {

    static final long GRACE_SECONDS = 15;

    private Supervisor() {
    }

    public static void main(String[] args) throws Exception {
        int separator = Arrays.asList(args).indexOf("--");
        if (separator != 2 || args.length < 4) {
            System.err.println("usage: Supervisor <ownerPid|0> <dirToDelete|-> -- command...");
            System.exit(2);
        }
        long ownerPid = Long.parseLong(args[0]);
        Path dirToDelete = "-".equals(args[1]) ? null : Path.of(args[1]);
        List<String> command = List.of(args).subList(3, args.length);

        Process server = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(server);
            Folders.deleteRecursively(dirToDelete);
        }, "supervisor-stop"));
        if (ownerPid > 0) {
            Thread watch = new Thread(() -> {
                ProcessHandle.of(ownerPid).ifPresent(owner -> owner.onExit().join());
                System.exit(0);
            }, "owner-watch");
            watch.setDaemon(true);
            watch.start();
        }
        System.exit(server.waitFor());
    }

    /**
     * Stops the server, and what it started: a launcher script (Keycloak's {@code kc.sh}) runs the JVM as its child
     * and forwards the signal, but if the script is killed by force, or exits first, the JVM would be left running.
     */
    static void stop(Process server) {
        List<ProcessHandle> children = server.descendants().toList();
        if (server.isAlive()) {
            server.destroy();
            try {
                if (!server.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroy();
                if (child.onExit().completeOnTimeout(null, GRACE_SECONDS, TimeUnit.SECONDS).join() == null) {
                    child.destroyForcibly();
                }
            }
        }
    }
}
