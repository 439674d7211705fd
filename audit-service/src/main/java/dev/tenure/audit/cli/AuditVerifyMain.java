package dev.tenure.audit.cli;

import dev.tenure.audit.domain.Evidence;
import dev.tenure.audit.domain.EvidenceVerifier;
import dev.tenure.audit.domain.Verification;
import dev.tenure.audit.evidence.EvidenceCsv;
import dev.tenure.audit.evidence.EvidenceJson;
import dev.tenure.audit.log.AuditLogReader;
import dev.tenure.schemas.topics.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The verifier on the command line (README, "Verifying from the command line"): walks a live audit log on a broker,
 * or an evidence export offline, and prints one line per chain — "intact up to record N" or the first edited,
 * removed, reordered or truncated record — then INTACT or TAMPERED. Exit code 0 intact, 1 tampered, 2 could not
 * verify (usage, broker, file).
 */
public final class AuditVerifyMain {

    static final String USAGE = """
            usage: audit-verify --bootstrap-servers HOST:PORT --registry-url URL [--topic audit-log]
                                [--checkpoints audit-checkpoints | --no-checkpoints]
                   audit-verify --evidence FILE.json|FILE.csv
            """;

    private AuditVerifyMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Verifies as the arguments say, prints to {@code out}; answers the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            Verification verification = options.containsKey("evidence")
                    ? EvidenceVerifier.verify(readEvidence(Path.of(options.get("evidence"))))
                    : live(options);
            out.println(verification.summary());
            return verification.intact() ? 0 : 1;
        } catch (IllegalArgumentException | IllegalStateException | IOException
                 | org.apache.kafka.common.KafkaException e) {
            err.println("could not verify: " + e.getMessage());
            return 2;
        }
    }

    private static Verification live(Map<String, String> options) {
        String bootstrap = required(options, "bootstrap-servers");
        String registry = required(options, "registry-url");
        String topic = options.getOrDefault("topic", Topics.AUDIT_LOG.name());
        String checkpoints = options.containsKey("no-checkpoints") ? null
                : options.getOrDefault("checkpoints", Topics.AUDIT_CHECKPOINTS.name());
        return new AuditLogReader(bootstrap, registry).verify(topic, checkpoints);
    }

    static Evidence readEvidence(Path file) throws IOException {
        String text = Files.readString(file);
        return file.getFileName().toString().toLowerCase().endsWith(".csv") ? EvidenceCsv.read(text)
                : EvidenceJson.read(text);
    }

    private static Map<String, String> options(String[] args) {
        List<String> flags = List.of("no-checkpoints");
        List<String> valued = List.of("bootstrap-servers", "registry-url", "topic", "checkpoints", "evidence");
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name != null && flags.contains(name)) {
                options.put(name, "true");
            } else if (name != null && valued.contains(name) && i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown or incomplete option: " + args[i]);
            }
        }
        if (options.isEmpty()) {
            throw new IllegalArgumentException("nothing to verify");
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is needed to verify a live log");
        }
        return value;
    }
}
