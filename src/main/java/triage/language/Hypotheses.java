package triage.language;

import triage.knowledge.Lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a sentence guesses or asks rather than reports: ConText's "hypothetical" and its
 * attribution of a claim to someone. "We thought it was the database", "security blames the new
 * firewall rule", "is redis dead?": the component they name is a suspicion, and what the message
 * observes decides. Two kinds of scope, both from {@code knowledge/lexicon.yaml}:
 * <ul>
 * <li>a guess opens at one of {@code hypothetical} (as typed: "thinks" is a guess, "I think login
 *     fails" is not) and reaches to the segment's end, the next comma, or one of {@code
 *     hypothesis_ends} ("I figured rethinkdb died because login hangs": the hang is seen); said in
 *     the passive ("the db got blamed because ...") it opens at its clause's start;
 * <li>a yes/no question is hypothetical from the last clause one of {@code questions} opens to
 *     the "?" that ends it ("is rethinkdb down?"; "can't log in, is anyone else seeing this?"
 *     asks only its last clause).
 * </ul>
 * Words in scope are read as nothing: no phrase there counts, their cues turn nothing, and
 * reading by example is not offered them. One look per word: linear in the text.
 */
final class Hypotheses {
    /** Triggers keyed by their first word, each as its words (one or more). */
    private final Map<String, List<String[]>> triggers = new HashMap<>();
    private final Set<String> ends = new HashSet<>();
    private final Set<String> questions = new HashSet<>();
    /** The auxiliaries of a passive: "the lb was blamed" guesses at the lb. */
    private static final Set<String> PASSIVE = Set.of("got", "gets", "get", "was", "were", "is", "are", "been", "being");

    Hypotheses(Lexicon lexicon) {
        for (String t : lexicon.hypothetical()) {
            String[] words = t.toLowerCase(Locale.ROOT).trim().split("\\s+");
            triggers.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
        }
        for (String e : lexicon.hypothesisEnds()) ends.add(e.toLowerCase(Locale.ROOT).trim());
        for (String q : lexicon.questions()) questions.add(q.toLowerCase(Locale.ROOT).trim());
    }

    /**
     * Which tokens of {@code seg} are hypothetical, or null when none is. {@code question}: the
     * segment ended in "?".
     */
    boolean[] scope(List<Token> seg, boolean question) {
        int n = seg.size();
        if (n == 0) return null;
        if (question) {
            // from the last clause a question word opens: "can't log in, is anyone else seeing this?" asks only its last clause
            // ("is redis down, or is it the lb?" asks both: a run of clauses that question words open)
            int from = -1;
            boolean opening = true, run = false;
            for (int i = 0; i < n; i++) {
                Token t = seg.get(i);
                if (t.kind() == Token.Kind.WEAK_BREAK) opening |= t.stem().equals(",") || run;
                else if (t.word() && opening) {
                    // "can't log in, ..." states: a question word with a negation after it opens no question
                    boolean q = questions.contains(t.surface()) && !(i + 1 < n && seg.get(i + 1).negation());
                    if (q && !run) from = i;
                    run = q;
                    opening = false;
                }
            }
            if (from >= 0) {
                boolean[] asked = new boolean[n];
                java.util.Arrays.fill(asked, from, n, true);
                return asked;
            }
        }
        boolean[] in = null;
        for (int i = 0; i < n; i++) {
            int len = trigger(seg, i);
            if (len == 0) continue;
            if (in == null) in = new boolean[n];
            // a guess said in the passive ("the db got blamed", "redis was suspected") is about the clause's own subject
            if (i > 0 && PASSIVE.contains(seg.get(i - 1).surface())) {
                for (int b = i - 1; b >= 0 && !(seg.get(b).kind() == Token.Kind.WEAK_BREAK && seg.get(b).stem().equals(",")); b--) in[b] = true;
            }
            int j = i;
            for (; j < n; j++) {
                Token t = seg.get(j);
                if (j >= i + len && (t.kind() == Token.Kind.WEAK_BREAK && t.stem().equals(",") || ends.contains(t.surface()))) break;
                in[j] = true;
            }
            i = j;
        }
        return in;
    }

    /**
     * Whether any of {@code tokens} is guessed or asked: a text that read as nothing because it
     * only guessed ("is rethinkdb down?") is not unrecognized, and is not read by example.
     */
    boolean any(List<Token> tokens) {
        boolean asking = false, opening = true;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.STRONG_BREAK || t.kind() == Token.Kind.EXCEPT) {
                if (asking && t.stem().equals("?")) return true;
                asking = false;
                opening = true;
            } else if (t.kind() == Token.Kind.WEAK_BREAK) {
                opening |= t.stem().equals(",");
            } else if (t.word()) {
                if (opening) asking |= questions.contains(t.surface()) && !(i + 1 < tokens.size() && tokens.get(i + 1).negation());
                opening = false;
                if (trigger(tokens, i) > 0) return true;
            }
        }
        return false;
    }

    /** How many tokens the trigger opening at {@code i} spans, 0 for none. */
    private int trigger(List<Token> seg, int i) {
        Token t = seg.get(i);
        if (!t.word()) return 0;
        List<String[]> list = triggers.get(t.surface());
        if (list == null) return 0;
        for (String[] words : list) {
            int k = 1;
            while (k < words.length && i + k < seg.size() && seg.get(i + k).surface().equals(words[k])) k++;
            if (k == words.length) return k;
        }
        return 0;
    }
}
