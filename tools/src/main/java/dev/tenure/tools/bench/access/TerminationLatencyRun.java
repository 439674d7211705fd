package dev.tenure.tools.bench.access;

import dev.tenure.tools.bench.BenchmarkFeeds;
import dev.tenure.tools.bench.FixedRateLoad;
import dev.tenure.tools.bench.LatencyRecorder;
import dev.tenure.tools.bench.LatencySummary;
import dev.tenure.tools.bench.LoadResult;
import dev.tenure.tools.bench.PooledEventSender;
import dev.tenure.tools.feed.FeedEvent;
import dev.tenure.tools.feed.FeedJsonWriter;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Benchmark (1): an immediate termination, from the intake's HTTP acceptance (202) to Samba AD showing the account
 * disabled (userAccountControl's ACCOUNTDISABLE bit, read by polling the directory), while other HR events arrive at
 * a fixed background rate through the same intake. One termination at a time, at random gaps, so each measures the
 * pipeline and not a queue of terminations.
 */
final class TerminationLatencyRun {

    /** What the run measured. */
    record Result(int people, Duration setup, LatencySummary fromAcceptance, LatencySummary fromSend,
                  LoadResult background, int warmUp, Hops hops) {
    }

    /** The measured terminations split by hop (wall-clock millis, from the records; see {@link HopTimes}). */
    record Hops(int count, LatencySummary toCommand, LatencySummary toDirectory, LatencySummary toProbe,
                int outcomes) {
    }

    private static final Duration POLL = Duration.ofMillis(2);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private final BenchSystem system;
    private final PrintStream log;

    TerminationLatencyRun(BenchSystem system, PrintStream log) {
        this.system = system;
        this.log = log;
    }

    Result run(int samples, int warmUp, double backgroundRate) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        BenchPeople people = BenchPeople.joinedLongAgo("T", samples + warmUp, today);
        String token = system.hrisToken();
        try (IntakeSubmissions intake = new IntakeSubmissions(system.intakeUri(), token);
             DirectoryProbe probe = new DirectoryProbe(system.samba())) {
            log.printf("setup: %,d joiners who started long ago, through the intake's CSV import%n",
                    people.joiners().size());
            intake.importAll(people.joiners());
            Duration setup = AccountsReady.await(probe, people, Duration.ofMinutes(20), log);
            log.printf("setup: %,d accounts enabled in Samba after %.1f s%n", people.joiners().size(),
                    setup.toMillis() / 1000.0);

            Duration backgroundLength = Duration.ofSeconds(15).plusMillis((samples + warmUp) * 450L);
            CompletableFuture<LoadResult> background = background(backgroundRate, backgroundLength, token);
            Thread.sleep(5000);
            Map<String, long[]> acceptedAndSeen = new HashMap<>();
            LatencyRecorder fromAcceptance = new LatencyRecorder();
            LatencyRecorder fromSend = new LatencyRecorder();
            int index = 0;
            for (FeedEvent joiner : people.joiners()) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(150, 350));
                FeedEvent termination = BenchPeople.leaver(joiner, LocalDate.now(ZoneId.of(joiner.timeZone())),
                        joiner.timeZone(), true);
                long sentAt = System.nanoTime();
                long acceptedAt = intake.submit(termination);
                long acceptedWallClock = System.currentTimeMillis();
                long disabledAt = awaitDisabled(probe, joiner.personId(), acceptedAt);
                if (index++ >= warmUp) {
                    fromAcceptance.record(disabledAt - acceptedAt);
                    fromSend.record(disabledAt - sentAt);
                    acceptedAndSeen.put(joiner.personId(), new long[] {acceptedWallClock,
                            acceptedWallClock + (disabledAt - acceptedAt) / 1_000_000});
                }
                if (index % 50 == 0) {
                    log.printf("  %d of %d terminations measured%n", index, people.joiners().size());
                }
            }
            log.println("waiting for the background load to finish...");
            LoadResult load = background.get();
            return new Result(samples, setup, fromAcceptance.summary(), fromSend.summary(), load, warmUp,
                    hops(acceptedAndSeen));
        }
    }

    private Hops hops(Map<String, long[]> acceptedAndSeen) {
        HopTimes.Read read = HopTimes.read(system.bootstrapServers(), system.registryUrl(), acceptedAndSeen.keySet());
        Map<String, HopTimes.Hops> records = read.hops();
        LatencyRecorder toCommand = new LatencyRecorder();
        LatencyRecorder toDirectory = new LatencyRecorder();
        LatencyRecorder toProbe = new LatencyRecorder();
        records.forEach((person, hop) -> {
            long[] times = acceptedAndSeen.get(person);
            toCommand.record(millisToNanos(hop.commandedAt() - times[0]));
            toDirectory.record(millisToNanos(hop.confirmedAt() - hop.commandedAt()));
            toProbe.record(millisToNanos(times[1] - hop.confirmedAt()));
        });
        return new Hops(records.size(), toCommand.summary(), toDirectory.summary(), toProbe.summary(),
                read.outcomes());
    }

    // Times from different processes' clocks: the planner may stamp its command a millisecond before this tool has
    // read the 202 that the intake sent earlier; that counts as 0.
    private static long millisToNanos(long millis) {
        return Math.max(0, millis) * 1_000_000;
    }

    private static long awaitDisabled(DirectoryProbe probe, String personId, long since) throws Exception {
        while (true) {
            OptionalInt uac = probe.userAccountControl(personId);
            long now = System.nanoTime();
            if (uac.isPresent() && DirectoryProbe.disabled(uac.getAsInt())) {
                return now;
            }
            if (now - since > GIVE_UP.toNanos()) {
                throw new IllegalStateException(personId + " is still not disabled in Samba " + GIVE_UP.toSeconds()
                        + " s after the intake accepted the termination; see access-service.log");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Other people's HR events (a sample feed from today on: mostly future-dated) at a fixed rate, in the background. */
    private CompletableFuture<LoadResult> background(double rate, Duration length, String token) {
        FixedRateLoad.Plan plan = new FixedRateLoad.Plan(rate, Duration.ZERO, length, 1000);
        List<byte[]> bodies = new BenchmarkFeeds(LocalDate.now()).events((int) plan.totalRequests()).stream()
                .map(FeedJsonWriter::toJsonBytes).toList();
        log.printf("background: %,d other HR events at %.0f/s for %d s%n", bodies.size(), rate, length.toSeconds());
        return CompletableFuture.supplyAsync(() -> {
            try (PooledEventSender sender = new PooledEventSender(system.intakeUri(), bodies, List.of(token), 8,
                    Duration.ofSeconds(30))) {
                return new FixedRateLoad(plan, sender).run(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
    }
}
