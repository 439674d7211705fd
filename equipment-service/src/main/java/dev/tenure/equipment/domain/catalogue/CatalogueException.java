package dev.tenure.equipment.domain.catalogue;

import java.util.List;

/** The catalogue cannot be used; {@link #problems()} says every reason, each with where it is in the file. */
public class CatalogueException extends RuntimeException {

    private final List<String> problems;

    public CatalogueException(String source, List<String> problems) {
        super("the equipment catalogue " + source + " is not valid (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
