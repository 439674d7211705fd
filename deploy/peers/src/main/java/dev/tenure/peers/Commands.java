package dev.tenure.peers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short preparation command (provisioning, certificates) to its end, failing with its output. */
public final class Commands {

    private Commands() {
    }

    /** Runs {@code command} in {@code workDir} to its end; its output, or a PeerException with the last lines. */
    public static String run(List<String> command, Path workDir, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            // read while it runs, so a chatty command never blocks on a full pipe
            String[] output = new String[1];
            Thread reader = new Thread(() -> {
                try {
                    output[0] = new String(process.getInputStream().readAllBytes());
                } catch (IOException e) {
                    output[0] = "(output unreadable: " + e.getMessage() + ")";
                }
            }, "command-output");
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new PeerException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            reader.join(5000);
            if (process.exitValue() != 0) {
                throw new PeerException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + tail(output[0], 25));
            }
            return output[0] == null ? "" : output[0];
        } catch (IOException e) {
            throw new PeerException(command.get(0) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException("interrupted while running " + command.get(0));
        }
    }

    private static String tail(String text, int lines) {
        if (text == null) {
            return "(no output)";
        }
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
