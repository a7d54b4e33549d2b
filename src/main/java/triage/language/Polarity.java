package triage.language;

import java.util.List;
import java.util.Set;

/**
 * Which way a text without a subject goes about a symptom, by its cues alone: "works now", "still broken",
 * "it does not". What a clause read by example, or a bare answer, says of the symptom it is near.
 */
final class Polarity {
    private Polarity() {}

    /** What after "not" says more than it ("not just one endpoint", "not only the api"): no denial. */
    private static final Set<String> MORE_THAN = Set.of("just", "only", "mere", "simpli", "sole");

    /** TRUE when {@code tokens} say the symptom (of {@code good} kind or not) is present, FALSE absent, null for no cue. */
    static Boolean of(List<Token> tokens, boolean good) {
        Cues c = new Cues();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.negation() && i + 1 < tokens.size() && MORE_THAN.contains(tokens.get(i + 1).stem())) continue;
            if (t.word()) c.add(t);
        }
        return c.any() ? c.affirms(good) : null;
    }
}
