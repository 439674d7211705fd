package dev.tenure.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.tools.auth.KeyPairFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceRunTest {

    @Test
    void shouldAddAJfrRecordingToTheServicesJvmOptionsOnlyWhenAsked() {
        List<String> launcher = List.of("-Xms32m", "-Xmx512m");

        assertThat(ServiceRun.jvmOptions(launcher, Optional.empty())).containsExactly("-Xms32m", "-Xmx512m");
        assertThat(ServiceRun.jvmOptions(launcher, Optional.of(Path.of("/runs/rec.jfr")))).containsExactly("-Xms32m",
                "-Xmx512m", "-XX:StartFlightRecording=filename=/runs/rec.jfr,settings=profile,dumponexit=true");
    }

    @Test
    void shouldKeepTheServicesStateKeysAndLogInTheRunFolder(@TempDir Path dir) {
        ServiceRun run = new ServiceRun("tenure-bench-x-abc", dir, System.err);

        Path publicKey = run.newKeyPair();

        assertThat(run.stateDir()).isEqualTo(dir.resolve("state"));
        assertThat(publicKey).isEqualTo(dir.resolve("keys").resolve(KeyPairFiles.PUBLIC_KEY_FILE)).isRegularFile();
        assertThat(run.keysDir().resolve(KeyPairFiles.PRIVATE_KEY_FILE)).isRegularFile();
    }

    @Test
    void shouldKeepTheFolderOfARunThatDidNotComplete(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ServiceRun run = new ServiceRun("tenure-bench-x-abc", dir, new PrintStream(log, true, StandardCharsets.UTF_8));
        run.newKeyPair();

        run.cleanUp(null, false, false); // the broker is not asked: nothing is deleted

        assertThat(run.keysDir()).isDirectory();
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("kept: " + dir + " and the internal topics of tenure-bench-x-abc");
    }
}
