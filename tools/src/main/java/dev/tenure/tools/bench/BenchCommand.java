package dev.tenure.tools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The frame of a benchmark command's {@code main}: the Kafka clients' logging down to warnings (unless set), the
 * options parsed, the measurement run, and its Markdown report on stdout and, with {@code --out}, in that file.
 * Progress goes to stderr.
 */
public final class BenchCommand {

    /** Runs the benchmark with its options and renders its report. */
    @FunctionalInterface
    public interface Measurement<O> {
        String report(O options) throws Exception;
    }

    private BenchCommand() {
    }

    public static <O> void run(String[] args, Function<String[], O> parse, Function<O, Optional<Path>> out,
                               Measurement<O> measurement) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        O options = parse.apply(args);
        print(measurement.report(options), out.apply(options));
    }

    /** The report on stdout and, when asked, in {@code out}. */
    public static void print(String report, Optional<Path> out) throws IOException {
        System.out.println(report);
        if (out.isPresent()) {
            Files.writeString(out.get(), report, StandardCharsets.UTF_8);
            System.err.println("report written to " + out.get());
        }
    }
}
