package dev.tenure.tools.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's results as a Markdown section, ready to paste into a README. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** Everything one run measured; each part may be absent (skipped). */
    public record Results(Instant startedAt, String baseUrl, String bootstrapServers, String hrTopic,
                          KafkaBaseline.TopicShape hrTopicShape, String runTag, LoadResult single,
                          List<ImportResult> imports, BaselineResult kafka) {
    }

    public static String render(Results r) {
        StringBuilder md = new StringBuilder();
        md.append("### Intake throughput and latency (").append(r.startedAt().truncatedTo(ChronoUnit.SECONDS)).append(")\n\n");
        md.append("hr-events-service at `").append(r.baseUrl()).append("`, Kafka at `").append(r.bootstrapServers()).append('`');
        if (r.hrTopicShape() != null) {
            md.append(" (`").append(r.hrTopic()).append("`: ").append(r.hrTopicShape().partitions()).append(" partitions, replication ")
                    .append(r.hrTopicShape().replicationFactor()).append(r.hrTopicShape().found() ? "" : ", topic not found: defaults used")
                    .append(')');
        }
        md.append("; ").append(Runtime.getRuntime().availableProcessors()).append(" cores shared by all processes; Java ")
                .append(System.getProperty("java.version")).append("; run tag `").append(r.runTag()).append("`.\n\n");
        md.append("| measure | setting | result |\n|---|---|---|\n");
        LoadResult single = r.single();
        if (single != null) {
            md.append("| single events (HTTP, JSON, open model) | ").append(number(single.offeredRate(), 0)).append(" req/s for ")
                    .append(single.measured().toSeconds()).append(" s after a ").append(single.warmUp().toSeconds())
                    .append(" s warm-up | **").append(number(single.acceptedPerSecond(), 1)).append(" accepted events/s** (")
                    .append(integer(single.accepted())).append(" of ").append(integer(single.scheduled())).append(" answered 202) |\n");
            LatencySummary l = single.latency();
            md.append("| latency, scheduled send → answer | all measured requests | p50 ").append(ms(l.p50())).append(" · p90 ")
                    .append(ms(l.p90())).append(" · p99 ").append(ms(l.p99())).append(" · max ").append(ms(l.max())).append(" |\n");
        }
        if (r.imports() != null) {
            for (ImportResult i : r.imports()) {
                md.append("| CSV import (one request) | ").append(integer(i.rows())).append(" rows, ")
                        .append(number(i.bytes() / 1_048_576.0, 1)).append(" MiB | ");
                if (i.accepted()) {
                    md.append("**").append(number(i.rowsPerSecond(), 0)).append(" rows/s** (").append(number(i.seconds(), 2))
                            .append(" s, HTTP 202) |\n");
                } else {
                    md.append("not accepted: ").append(i.status() < 0 ? "no answer" : "HTTP " + i.status()).append(" after ")
                            .append(number(i.seconds(), 2)).append(" s |\n");
                }
            }
        }
        BaselineResult k = r.kafka();
        if (k != null) {
            md.append("| Kafka `ProducerPerformance`, same broker | ").append(integer(k.records())).append(" × ").append(k.recordSize())
                    .append(" B, ").append(k.producerSettings().replace(" ", ", ")).append(", ").append(k.partitions())
                    .append(" partitions | **").append(number(k.recordsPerSecond(), 0)).append(" records/s** (")
                    .append(number(k.megabytesPerSecond(), 1)).append(" MB/s, avg latency ").append(number(k.averageLatencyMs(), 1))
                    .append(" ms) |\n");
            if (single != null) {
                md.append("| ratio intake ÷ Kafka | single events/s ÷ records/s | ")
                        .append(ratio(single.acceptedPerSecond(), k.recordsPerSecond())).append(" |\n");
            }
            if (r.imports() != null) {
                for (ImportResult i : r.imports()) {
                    if (i.accepted()) {
                        md.append("| ratio intake ÷ Kafka | CSV ").append(integer(i.rows())).append(" rows/s ÷ records/s | ")
                                .append(ratio(i.rowsPerSecond(), k.recordsPerSecond())).append(" |\n");
                    }
                }
            }
        }
        md.append(notes(r));
        return md.toString();
    }

    private static String notes(Results r) {
        StringBuilder notes = new StringBuilder();
        LoadResult single = r.single();
        if (single != null) {
            for (Map.Entry<Integer, Long> status : single.statusCounts().entrySet()) {
                if (status.getKey() != 202) {
                    notes.append("* single events: ").append(integer(status.getValue())).append(" answered HTTP ")
                            .append(status.getKey()).append('\n');
                }
            }
            if (single.failures() > 0) {
                notes.append("* single events: ").append(integer(single.failures())).append(" failed without an answer\n");
            }
            for (Map.Entry<String, String> sample : single.samples().entrySet()) {
                notes.append("* single events, ").append(sample.getKey()).append(": `").append(sample.getValue().replace("`", "'"))
                        .append("`\n");
            }
            if (single.maxSendLagNanos() > 50_000_000L) {
                notes.append("* the load generator itself fell behind by up to ").append(ms(single.maxSendLagNanos()))
                        .append(" (still counted: latency runs from the scheduled time)\n");
            }
        }
        if (r.imports() != null) {
            for (ImportResult i : r.imports()) {
                if (!i.accepted() && !i.sample().isEmpty()) {
                    notes.append("* CSV import of ").append(integer(i.rows())).append(" rows: `")
                            .append(i.sample().replace("`", "'")).append("`\n");
                }
            }
        }
        if (r.kafka() != null) {
            notes.append("* Kafka summary: `").append(r.kafka().summaryLine()).append("`\n");
        }
        return notes.length() == 0 ? "" : "\n" + notes;
    }

    public static String ratio(double intake, double kafka) {
        if (kafka <= 0) {
            return "n/a";
        }
        double ratio = intake / kafka;
        return String.format(Locale.ROOT, "%.4f (%.2f %%, 1 : %s)", ratio, ratio * 100,
                intake > 0 ? number(kafka / intake, 0) : "∞");
    }

    public static String ms(long nanos) {
        double millis = LatencySummary.millis(nanos);
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.1f ms", millis);
    }

    public static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    public static String integer(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
