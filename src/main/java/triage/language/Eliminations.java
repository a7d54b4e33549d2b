package triage.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A suspect ruled out: a clause that opens with "not" and only names something ("not etcd", "it's
 * not the load balancer either", "not a traffic spike") says that thing is not the trouble. Its
 * "not" is read as a word of health, not as a negation of the fact: the thing works, the fault
 * is absent. A clause with a verb or a word of state after the "not" ("not loading", "not
 * working", "not logged in", "not enough workers") or a quality ("not real users") is left to the
 * ordinary rules of negation. What the suspect is ruled out as ("not a redis issue", "the problem is not
 * etcd") says no fault of its own.
 * Linear in the number of tokens.
 */
final class Eliminations {
    /** Words before the "not" that still leave it opening the clause: "it's not", "that is not". */
    private static final Set<String> OPENERS = Set.of("it", "its", "is", "that", "this", "was", "s", "definitely",
            "probably", "also", "and", "so", "def", "prob", "pretty", "sure", "surely", "clearly", "obviously");
    /** After "not", a verb, an amount or an answer: no suspect is named ("not enough", "not sure", "not all"). */
    private static final Set<String> NOT_A_NAME = Set.of("can", "could", "will", "would", "do", "does", "did", "has",
            "have", "had", "is", "are", "was", "were", "be", "been", "get", "got", "keep", "enough", "all", "every",
            "everyone", "everything", "many", "much", "single", "one", "any", "anyone", "anything", "sure", "really",
            "yet", "always", "only", "just", "even", "quite", "very", "too", "so", "now", "again", "here", "there",
            "anymore", "at", "able", "allowed", "possible", "a lot", "that", "this", "when", "if", "until", "since",
            "for", "to", "from", "in", "on", "with", "after", "before", "because", "seeing", "see", "load", "start",
            "come", "go", "show", "run", "reach", "arrive", "appear", "update", "return", "send", "accept", "connect",
            // a quality, not a suspect: "not real users" denies that the users are genuine
            "real", "genuine", "legit", "legitimate", "actual", "organic", "human");
    /**
     * What a suspect is ruled out as, around its name: "not a redis issue", "not an etcd problem", "the
     * problem is not etcd", "the trouble is not redis". The word says no fault of its own there: it is read
     * without its state.
     */
    private static final Set<String> FAULT_NOUNS = Set.of("issue", "issues", "problem", "problems", "culprit", "cause",
            "fault", "trouble", "bottleneck", "error", "errors");
    private static final int MAX_NAME_WORDS = 4;

    private Eliminations() {}

    static List<Token> apply(List<Token> tokens) {
        List<Token> out = null;
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i < tokens.size() && tokens.get(i).word()) continue;
            int not = opening(tokens, start, i);
            if (not >= 0 && namesOnly(tokens, not + 1, i)) {
                if (out == null) out = new ArrayList<>(tokens);
                Token t = tokens.get(not);
                out.set(not, new Token(t.kind(), t.surface(), t.stem(), false, false, true, t.stop(), t.bare()));
                for (int k = start; k < i; k++) if (FAULT_NOUNS.contains(tokens.get(k).surface())) out.set(k, tokens.get(k).stateless());
            }
            start = i + 1;
        }
        return out == null ? tokens : out;
    }

    /** The index of the clause's opening "not" in [from, to), or -1. */
    private static int opening(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.surface().equals("not")) return i;
            if (!OPENERS.contains(t.surface()) && !FAULT_NOUNS.contains(t.surface()) && !t.surface().equals("the")) return -1;
        }
        return -1;
    }

    private static boolean namesOnly(List<Token> tokens, int from, int to) {
        int words = 0;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            String w = t.surface();
            if (FAULT_NOUNS.contains(w) && i == to - 1) continue;
            if (t.cue() || NOT_A_NAME.contains(w) || NOT_A_NAME.contains(t.stem())) return false;
            if (w.length() > 4 && (w.endsWith("ing") || w.endsWith("ed"))) return false;
            if (!t.stop() && !w.equals("either") && ++words > MAX_NAME_WORDS) return false;
        }
        return words > 0;
    }
}
