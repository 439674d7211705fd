package dev.tenure.local;

import dev.tenure.peers.PeerException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code tenure up | down | status [--option value ...]}: runs the whole system on this machine.
 * Exit codes: 0 done (status: everything runs), 1 failed with one line on stderr saying what to
 * do, 2 bad usage, 3 status: something is not running.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        if (args.length == 0 || !(args[0].equals("up") || args[0].equals("down") || args[0].equals("status"))) {
            System.err.println("usage: tenure up|down|status [--option value ...]; options (default): "
                    + LocalSettings.DEFAULTS);
            return 2;
        }
        try {
            LocalStack stack = new LocalStack(LocalSettings.resolve(options(args)), env, System.out);
            return switch (args[0]) {
                case "up" -> {
                    stack.up();
                    yield 0;
                }
                case "down" -> stack.down() ? 0 : 1;
                default -> stack.status() ? 0 : 3;
            };
        } catch (PeerException e) {
            System.err.println("tenure: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new PeerException("unexpected argument '" + arg + "'; options look like --kafka-port 9092");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(arg.substring(2), args[++i]);
            } else {
                options.put(arg.substring(2), "true");
            }
        }
        return options;
    }
}
