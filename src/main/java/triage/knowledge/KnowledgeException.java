package triage.knowledge;

import java.util.List;

/** The knowledge directory cannot be used; each problem reads {@code file:line: message}. */
public final class KnowledgeException extends Exception {
    private final List<String> problems;

    public KnowledgeException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
