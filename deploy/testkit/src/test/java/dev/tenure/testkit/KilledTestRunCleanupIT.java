package dev.tenure.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KilledTestRunCleanupIT {

    @Test
    void shouldLeaveNoServerAndNoDataBehindWhenTheTestJvmIsKilled() throws Exception {
        // Given a test JVM that has started its broker and registry
        Process testJvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PeersHoldingMain.class.getName())
                .redirectErrorStream(true).start();
        String[] started = awaitPeersLine(testJvm);
        Path workDir = Path.of(started[1]);
        List<Long> serverPids = Arrays.stream(started, 2, started.length).map(Long::valueOf).toList();
        assertThat(serverPids).hasSize(2).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isPresent());
        assertThat(workDir).isDirectory();

        // When it is killed with SIGKILL, so none of its shutdown hooks run
        testJvm.destroyForcibly().waitFor();

        // Then the servers stop and their data is deleted
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (Instant.now().isBefore(deadline)
                && (serverPids.stream().anyMatch(pid -> ProcessHandle.of(pid).isPresent()) || hasData(workDir))) {
            Thread.sleep(200);
        }
        assertThat(serverPids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
        assertThat(hasData(workDir)).as("data left in " + workDir).isFalse();

        // And the next run removes even the empty folder of the dead run
        TenurePeers.removeLeftoversOfDeadRuns();
        assertThat(workDir).doesNotExist();
    }

    private static boolean hasData(Path workDir) throws Exception {
        if (!Files.exists(workDir)) {
            return false;
        }
        try (var files = Files.walk(workDir)) {
            return files.anyMatch(Files::isRegularFile);
        }
    }

    private static String[] awaitPeersLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("PEERS ")) {
                return line.split(" ");
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the test JVM ended without starting its peers:\n" + seen);
    }
}
