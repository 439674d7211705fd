package dev.tenure.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real peers that come as Debian packages (kcat, slapd, samba, node...) are installed by the tests and
 * the launcher that need them, so a fresh machine runs the whole suite, or the demo, with one command. Needs root and apt-get;
 * otherwise the test fails saying which package to install.
 */
public final class DebianPackages {

    private static boolean listsUpdated;

    private DebianPackages() {
    }

    /**
     * Makes sure {@code command} is on the PATH, installing {@code debianPackages} (one or more, in one apt-get
     * run) if it is not.
     */
    public static synchronized Path require(String command, String... debianPackages) {
        if (debianPackages.length == 0) {
            throw new IllegalArgumentException("name the Debian package(s) that bring " + command);
        }
        return find(command).orElseGet(() -> {
            install(List.of(debianPackages));
            return find(command).orElseThrow(() -> new IllegalStateException("installed "
                    + String.join(" ", debianPackages) + " but '" + command + "' is still not on the PATH"));
        });
    }

    static java.util.Optional<Path> find(String command) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/sbin", "/sbin"))
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static void install(List<String> debianPackages) {
        String names = String.join(" ", debianPackages);
        if (find("apt-get").isEmpty() || !"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("this needs the Debian package(s) '" + names
                    + "': install them (apt-get install -y --no-install-recommends " + names + ") and run again");
        }
        if (!listsUpdated) {
            run(List.of("apt-get", "update", "-q"));
            listsUpdated = true;
        }
        List<String> command = new java.util.ArrayList<>(
                List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"));
        command.addAll(debianPackages);
        run(command);
    }

    private static void run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command));
        }
    }
}
