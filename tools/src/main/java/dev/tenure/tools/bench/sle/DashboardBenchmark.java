package dev.tenure.tools.bench.sle;

import dev.tenure.tools.auth.Caller;
import dev.tenure.tools.auth.JwtMinter;
import dev.tenure.tools.bench.BenchCommand;
import dev.tenure.tools.cli.Options;
import dev.tenure.tools.cli.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code bench-dashboard}: {@link DashboardLoad}'s concurrent readers against a running audit-service's dashboard
 * API, with an analyst's token signed by the key the service trusts. {@code bench-sle} runs the same readers itself
 * after its replay, over the state the replay built.
 */
public final class DashboardBenchmark {

    public static final String USAGE = "bench-dashboard --key private-key.pem [--base http://127.0.0.1:8094] [--readers 50]\n"
            + "      [--warmup 10s] [--duration 60s] [--request-timeout 60s] [--sub bench-analyst] [--issuer " + JwtMinter.DEFAULT_ISSUER + "]\n"
            + "      [--out report.md]";

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args, Set.of("key", "base", "readers", "warmup", "duration", "request-timeout", "sub", "issuer", "out"),
                Set.of());
        Path key = Path.of(o.required("key"));
        int readers = o.integer("readers", 50);
        if (readers < 1) {
            throw new UsageException("--readers must be at least 1");
        }
        String token = JwtMinter.fromPemFile(key, o.string("issuer", JwtMinter.DEFAULT_ISSUER))
                .mint(new Caller(o.string("sub", "bench-analyst"), List.of("analyst"), null), Duration.ofHours(2));
        DashboardLoad.Result result = new DashboardLoad(o.string("base", "http://127.0.0.1:8094"), token,
                o.duration("request-timeout", Duration.ofSeconds(60)), System.err)
                .run(readers, o.duration("warmup", Duration.ofSeconds(10)), o.duration("duration", Duration.ofSeconds(60)));
        BenchCommand.print(SleReport.dashboard(result, Double.NaN), o.path("out"));
    }
}
