package dev.tenure.tools.feed;

import dev.tenure.tools.cli.Options;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code feed}: writes a sample HR feed as the intake's CSV (and optionally as JSON lines with each
 * event's submission time, for replays). A summary goes to stderr.
 */
public final class SampleFeedMain {

    public static final String USAGE = "feed [--people 500] [--seed 20270101] [--start 2027-01-01] [--days 365]\n"
            + "     [--out feed.csv] [--jsonl feed.jsonl] [--late-share 0.12] [--coordinator-share 0.30]\n"
            + "     [--person-prefix P] [--hris-principal workday]\n"
            + "  CSV to --out (stdout when absent); JSON lines {submitAt, submittedBy, event} to --jsonl";

    private SampleFeedMain() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args, Set.of("people", "seed", "start", "days", "out", "jsonl", "late-share",
                "coordinator-share", "person-prefix", "hris-principal"), Set.of());
        FeedConfig defaults = FeedConfig.defaults();
        FeedConfig config = defaults
                .withPeople(options.integer("people", defaults.people()))
                .withSeed(options.longValue("seed", defaults.seed()))
                .withStart(options.date("start", defaults.start()))
                .withDays(options.integer("days", defaults.days()))
                .withLateJoinerShare(options.decimal("late-share", defaults.lateJoinerShare()))
                .withCoordinatorShare(options.decimal("coordinator-share", defaults.coordinatorShare()))
                .withPersonIdPrefix(options.string("person-prefix", defaults.personIdPrefix()))
                .withHrisPrincipal(options.string("hris-principal", defaults.hrisPrincipal()));
        List<ScheduledEvent> feed = SampleFeedGenerator.generate(config);

        Optional<Path> out = options.path("out");
        if (out.isPresent()) {
            try (OutputStream stream = Files.newOutputStream(out.get())) {
                FeedCsvWriter.write(ScheduledEvent.events(feed), stream);
            }
        } else {
            FeedCsvWriter.write(ScheduledEvent.events(feed), System.out);
            System.out.flush();
        }
        Optional<Path> jsonl = options.path("jsonl");
        if (jsonl.isPresent()) {
            try (OutputStream stream = Files.newOutputStream(jsonl.get())) {
                FeedJsonWriter.writeLines(feed, stream);
            }
        }
        System.err.println(summary(config, feed, out.map(Path::toString).orElse("stdout"), jsonl));
    }

    static String summary(FeedConfig config, List<ScheduledEvent> feed, String csvTarget, Optional<Path> jsonl) {
        Map<EventType, Integer> counts = new EnumMap<>(EventType.class);
        int joiners = 0;
        int lateJoiners = 0;
        for (ScheduledEvent scheduled : feed) {
            FeedEvent event = scheduled.event();
            counts.merge(event.type(), 1, Integer::sum);
            if (event.type() == EventType.JOINER) {
                joiners++;
                long notice = Duration.between(scheduled.submitAt(),
                        event.effectiveDate().atStartOfDay(ZoneId.of(event.timeZone())).toInstant()).toDays();
                if (notice < SampleFeedGenerator.MINIMUM_NOTICE_DAYS) {
                    lateJoiners++;
                }
            }
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format("%d events for %d people (seed %d, submissions %s .. %s) -> %s%s%n",
                feed.size(), config.people(), config.seed(), config.start(), config.start().plusDays(config.days() - 1L),
                csvTarget, jsonl.map(p -> " and " + p).orElse("")));
        for (Map.Entry<EventType, Integer> entry : counts.entrySet()) {
            text.append(String.format("  %-18s %6d%n", entry.getKey(), entry.getValue()));
        }
        text.append(String.format("  late joiners (< %d days' notice): %.1f%%", SampleFeedGenerator.MINIMUM_NOTICE_DAYS,
                joiners == 0 ? 0.0 : 100.0 * lateJoiners / joiners));
        return text.toString();
    }
}
