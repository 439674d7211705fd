package dev.tenure.access.policy;

import java.util.List;
import java.util.Objects;

/**
 * An access policy that cannot be used, with every problem found in it (not only the first), each with where it is.
 * The message lists them one a line, e.g. {@code rules[3].grant[1] (line 42): unknown entitlement 'vpn-users'}.
 */
public class PolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param where   the path of the offending key or item: {@code rules[3].grant[1]} (indexes from 0), or
     *                {@code policy} for the document as a whole
     * @param line    its line in the file, from 1; 0 when not known
     * @param message what is wrong, in words
     */
    public record Problem(String where, int line, String message) {

        public Problem {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return line > 0 ? where + " (line " + line + "): " + message : where + ": " + message;
        }
    }

    private final String source;
    private final transient List<Problem> problems;

    public PolicyException(String source, List<Problem> problems) {
        super(describe(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file or resource the policy was read from. */
    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String source, List<Problem> problems) {
        StringBuilder message = new StringBuilder("access policy ").append(source).append(" is not valid (")
                .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
        for (Problem problem : problems) {
            message.append(System.lineSeparator()).append("  ").append(problem);
        }
        return message.toString();
    }
}
