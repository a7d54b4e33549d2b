package triage.language;

import triage.model.Observation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a batch of texts said: the symptoms read (observations with source {@code text}), the texts nothing could be read from, the
 * runbooks whose systems were named (to choose which tree to ask from first), and the gaps: in texts read in part, the clauses no
 * phrase read (see {@link Interpreter#unreadClauses}), for reading by example; and the texts about things no runbook covers
 * ({@link Elsewhere}): neither read nor a puzzle, nor a question to ask after them.
 */
public record Interpretation(List<Observation> readings, List<String> unrecognized, Set<String> runbooks, List<String> gaps,
                             List<String> elsewhere) {
    /** An interpretation whose lists are open for adding, as the reader fills it. */
    static Interpretation collecting() {
        return new Interpretation(new ArrayList<>(), new ArrayList<>(), new LinkedHashSet<>(), new ArrayList<>(), new ArrayList<>());
    }
}
