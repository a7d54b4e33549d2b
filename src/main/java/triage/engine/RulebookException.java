package triage.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rules or knowledge do not compile or do not pass their scenarios; nothing was swapped in. */
public final class RulebookException extends Exception {
    private final List<Problem> problems;

    public RulebookException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }
}
