package dev.tenure.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One of Kafka's own command-line tools ({@code org.apache.kafka.tools.*}) run as a child JVM on the broker
 * distribution's jars, so the baseline is Kafka's code as shipped, not a copy of it.
 */
public final class KafkaTool {

    private final String mainClass;
    private final String kafkaClasspath;
    private final PrintStream log;

    public KafkaTool(String mainClass, String kafkaClasspath, PrintStream log) {
        this.mainClass = mainClass;
        this.kafkaClasspath = kafkaClasspath;
        this.log = log;
    }

    /** The child JVM's command line for these tool arguments. */
    public List<String> command(List<String> toolArguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(kafkaClasspath);
        command.add(mainClass);
        command.addAll(toolArguments);
        return command;
    }

    /**
     * Runs the tool to its end and returns everything it printed (stdout and stderr); lines that {@code echo}
     * accepts are also copied to the log as progress. Fails when it exits non-zero or outlives {@code timeout}.
     */
    public String run(List<String> toolArguments, Predicate<String> echo, Duration timeout) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(toolArguments)).redirectErrorStream(true);
        StringBuilder output = new StringBuilder();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + mainClass + ": " + e.getMessage(), e);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (echo.test(line)) {
                    log.println("  " + line);
                }
            }
        } catch (IOException e) {
            process.destroy();
            throw new IllegalStateException("lost the output of " + mainClass, e);
        }
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(mainClass + " did not finish within " + timeout.toMinutes() + " minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(mainClass + " exited with " + process.exitValue() + ":\n" + tail(output));
        }
        return output.toString();
    }

    /** The last few thousand characters, for an error message. */
    public static String tail(CharSequence output) {
        String text = output.toString();
        return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }
}
