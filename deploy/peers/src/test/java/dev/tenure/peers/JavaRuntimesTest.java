package dev.tenure.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheFeatureVersionFromTheReleaseFile() throws Exception {
        Path jdk25 = fakeJdk("temurin-25", "25.0.3");
        Path jdk17 = fakeJdk("openjdk-17", "17.0.15");

        assertThat(JavaRuntimes.featureVersion(jdk25)).contains(25);
        assertThat(JavaRuntimes.featureVersion(jdk17)).contains(17);
        assertThat(JavaRuntimes.featureVersion(dir.resolve("nothing-here"))).isEmpty();
    }

    @Test
    void shouldUseAnExplicitlyChosenRuntimeThatIsNewEnough() throws Exception {
        Path jdk25 = fakeJdk("temurin-25", "25.0.3");

        Path java = JavaRuntimes.javaOfAtLeast(21, Map.of("TENURE_REGISTRY_JAVA_HOME", jdk25.toString()));

        assertThat(java).isEqualTo(jdk25.resolve("bin/java"));
    }

    @Test
    void shouldNeverSilentlyReplaceAnExplicitlyChosenRuntimeThatIsTooOld() throws Exception {
        Path jdk17 = fakeJdk("openjdk-17", "17.0.15");

        assertThatThrownBy(() -> JavaRuntimes.javaOfAtLeast(21, Map.of("TENURE_REGISTRY_JAVA_HOME", jdk17.toString())))
                .isInstanceOf(PeerException.class)
                .hasMessageContaining("needs a Java 21+ runtime")
                .hasMessageContaining(jdk17.toString())
                .hasMessageContaining("TENURE_REGISTRY_JAVA_HOME");
    }

    @Test
    void shouldTakeJavaHomeWhenItIsNewEnough() throws Exception {
        Path jdk21 = fakeJdk("jdk-21", "21.0.5");

        assertThat(JavaRuntimes.javaOfAtLeast(21, Map.of("JAVA_HOME", jdk21.toString())))
                .isEqualTo(jdk21.resolve("bin/java"));
    }

    private Path fakeJdk(String name, String version) throws Exception {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
