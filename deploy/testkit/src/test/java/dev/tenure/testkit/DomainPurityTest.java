package dev.tenure.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainPurityTest {

    @TempDir
    Path src;

    @Test
    void shouldNameADomainClassThatImportsKafkaButNotAMessagingClass() throws Exception {
        write("dev/tenure/x/domain/Policy.java", "package dev.tenure.x.domain;\nimport java.util.List;\n"
                + "import org.apache.kafka.clients.producer.KafkaProducer;\nclass Policy {}\n");
        write("dev/tenure/x/domain/Rules.java", "package dev.tenure.x.domain;\nimport static io.quarkus.Foo.bar;\nclass Rules {}\n");
        write("dev/tenure/x/messaging/Emitter.java", "package dev.tenure.x.messaging;\n"
                + "import org.apache.kafka.clients.producer.KafkaProducer;\nclass Emitter {}\n");

        assertThat(DomainPurity.violations(src)).containsExactlyInAnyOrder(
                "Policy.java: org.apache.kafka.clients.producer.KafkaProducer",
                "Rules.java: io.quarkus.Foo.bar");
    }

    private void write(String path, String content) throws Exception {
        Path file = src.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
