package dev.tenure.tools;

import dev.tenure.tools.auth.KeysMain;
import dev.tenure.tools.auth.TokenMain;
import dev.tenure.tools.bench.IntakeBenchmark;
import dev.tenure.tools.bench.access.AccessBenchmark;
import dev.tenure.tools.bench.planner.PlannerBenchmark;
import dev.tenure.tools.bench.sle.DashboardBenchmark;
import dev.tenure.tools.bench.sle.SleBenchmark;
import dev.tenure.tools.cli.UsageException;
import dev.tenure.tools.feed.SampleFeedMain;
import java.util.Arrays;

/**
 * {@code java -jar tools/target/tenure-tools.jar <command> [options]}: one entry point for the
 * tools, each command also runnable through its own main class.
 */
public final class ToolsMain {

    private ToolsMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(usage());
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "feed":
                    SampleFeedMain.main(rest);
                    break;
                case "bench":
                    IntakeBenchmark.main(rest);
                    break;
                case "bench-access":
                    AccessBenchmark.main(rest);
                    break;
                case "bench-planner":
                    PlannerBenchmark.main(rest);
                    break;
                case "bench-sle":
                    SleBenchmark.main(rest);
                    break;
                case "bench-dashboard":
                    DashboardBenchmark.main(rest);
                    break;
                case "keys":
                    KeysMain.main(rest);
                    break;
                case "token":
                    TokenMain.main(rest);
                    break;
                default:
                    throw new UsageException("unknown command '" + args[0] + "'");
            }
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
        }
    }

    static String usage() {
        return "usage: java -jar tenure-tools.jar <command> [options]\n\n"
                + SampleFeedMain.USAGE + "\n\n"
                + IntakeBenchmark.USAGE + "\n\n"
                + AccessBenchmark.USAGE + "\n\n"
                + PlannerBenchmark.USAGE + "\n\n"
                + SleBenchmark.USAGE + "\n\n"
                + DashboardBenchmark.USAGE + "\n\n"
                + KeysMain.USAGE + "\n\n"
                + TokenMain.USAGE;
    }
}
