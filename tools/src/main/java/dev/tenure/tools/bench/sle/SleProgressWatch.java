package dev.tenure.tools.bench.sle;

import dev.tenure.schemas.topics.Topics;
import dev.tenure.tools.bench.BenchAdmin;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches the SLE application from outside (black box), through the broker: every poll interval its group's committed
 * offsets on the four inputs (how many of the replay's records it has consumed) and on {@code sle-case-status} (its
 * second sub-topology, the aggregates, reads back the statuses the first one writes), and the end offsets of its two
 * outputs. It is done when every input record is consumed and nothing moves any more for {@code settle} (longer than
 * the punctuator's check interval, which decides due cases on the wall clock): the time it finished is the first look
 * that already showed those final offsets.
 */
final class SleProgressWatch {

    /** One look: when, input records consumed, the outputs' end offsets and the case-status committed, CPU so far. */
    record Look(long atNanos, long consumed, long caseStatusEnd, long caseStatusCommitted, long complianceEnd,
                long cpuNanos) {

        boolean sameOffsets(Look other) {
            return consumed == other.consumed && caseStatusEnd == other.caseStatusEnd
                    && caseStatusCommitted == other.caseStatusCommitted && complianceEnd == other.complianceEnd;
        }
    }

    /** What the watch saw; {@code done} is the first look with the final offsets, or null when it did not finish. */
    record Watched(List<Look> looks, Look done, String stoppedBecause) {
    }

    private final BenchAdmin admin;
    private final String group;
    private final Map<TopicPartition, Long> inputStart;
    private final Map<TopicPartition, Long> caseStatusStart;
    private final Map<TopicPartition, Long> complianceStart;
    private final Duration poll;
    private final PrintStream log;

    SleProgressWatch(BenchAdmin admin, String group, Map<TopicPartition, Long> inputStart,
                     Map<TopicPartition, Long> caseStatusStart, Map<TopicPartition, Long> complianceStart,
                     Duration poll, PrintStream log) {
        this.admin = admin;
        this.group = group;
        this.inputStart = Map.copyOf(inputStart);
        this.caseStatusStart = Map.copyOf(caseStatusStart);
        this.complianceStart = Map.copyOf(complianceStart);
        this.poll = poll;
        this.log = log;
    }

    Watched watch(long target, Duration settle, Duration timeout, BooleanSupplier alive, LongSupplier cpuNanos)
            throws InterruptedException {
        long started = System.nanoTime();
        long lastLogged = started;
        List<Look> looks = new ArrayList<>();
        Look stableSince = null;
        while (true) {
            Map<TopicPartition, Long> committed = admin.committedOffsets(group);
            Look look = new Look(System.nanoTime(), BenchAdmin.beyond(committed, inputStart),
                    BenchAdmin.beyond(admin.endOffsets(Topics.SLE_CASE_STATUS.name()), caseStatusStart),
                    BenchAdmin.beyond(committed, caseStatusStart),
                    BenchAdmin.beyond(admin.endOffsets(Topics.SLE_COMPLIANCE.name()), complianceStart),
                    cpuNanos.getAsLong());
            Look previous = looks.isEmpty() ? null : looks.get(looks.size() - 1);
            if (previous == null || !look.sameOffsets(previous)) {
                looks.add(look);
                stableSince = look;
            }
            if (look.consumed() >= target && look.atNanos() - stableSince.atNanos() >= settle.toNanos()) {
                looks.add(look);
                return new Watched(looks, stableSince, "all " + target + " records consumed, outputs settled");
            }
            if (!alive.getAsBoolean()) {
                return new Watched(looks, null, "the service exited");
            }
            if (look.atNanos() - started > timeout.toNanos()) {
                return new Watched(looks, null, "timed out after " + timeout.toSeconds() + " s");
            }
            if (look.atNanos() - lastLogged > 5_000_000_000L) {
                log.printf("  %,d of %,d records consumed; %,d case statuses written, %,d read back%n",
                        look.consumed(), target, look.caseStatusEnd(), look.caseStatusCommitted());
                lastLogged = look.atNanos();
            }
            Thread.sleep(poll.toMillis());
        }
    }
}
