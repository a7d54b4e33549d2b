package triage.language;

import java.util.List;
import java.util.Set;

/**
 * Clauses that state nothing themselves and say what the next one is about: an opening subordinate
 * clause ("when I open the systems tab, the list stays empty") and a look ("we checked etcd, it's healthy");
 * and a lone opening "no," that answers a question ("no, the login page loads but ...") and says
 * nothing of the clause after it; and a cleft's "it's" ("it's the list and the search that come back empty"),
 * which says nothing beside the names it singles out; and a working thing named only as where a fault came from.
 */
final class Openers {
    private Openers() {}

    /** Stems that open a subordinate clause: "when I open the systems tab, the list stays empty" is one fact. */
    private static final Set<String> OPENERS = Set.of("when", "whenev", "if", "after", "onc", "while");

    /**
     * Stems of looking into something: "we checked etcd, it's healthy" says etcd is healthy, the
     * look itself says nothing (as an opening subordinate clause, it says what the next one is about).
     */
    static final Set<String> LOOKS = Set.of("check", "look", "verifi", "inspect", "examin", "test", "confirm");

    /** Whether the clause starting at {@code from} opens a subordinate clause or a look: it states nothing itself. */
    static boolean opens(List<Token> seg, int from) {
        if (from < 0) return false;
        if (OPENERS.contains(seg.get(from).stem())) return true;
        for (int i = from; i < seg.size() && seg.get(i).kind() != Token.Kind.WEAK_BREAK; i++) {
            Token t = seg.get(i);
            if (t.word() && !t.stop()) return LOOKS.contains(t.stem());
        }
        return false;
    }

    /** The words that make a cleft: "it is ... that". */
    private static final Set<String> CLEFT_OPENING = Set.of("it", "is", "s", "was"), CLEFT_CLOSING = Set.of("that", "which", "who");

    /**
     * How many tokens a cleft's opening takes at the start of {@code seg} ("it's the list and the search that
     * fail": "it's"), 0 when the segment is no cleft: no "that" after the opening.
     */
    static int cleft(List<Token> seg) {
        int i = 0;
        while (i < seg.size() && seg.get(i).word() && CLEFT_OPENING.contains(seg.get(i).stem())) i++;
        if (i < 2 || !seg.get(0).stem().equals("it")) return 0;
        for (int j = i; j < seg.size(); j++) if (seg.get(j).word() && CLEFT_CLOSING.contains(seg.get(j).stem())) return i;
        return 0;
    }

    /** Whether the text's first part ({@code part} numbers each token's) is one negation alone: an answer, "no,". */
    static boolean answers(List<Token> seg, int[] part) {
        int words = 0;
        boolean negation = false;
        for (int i = 0; i < seg.size() && part[i] == 0; i++) {
            if (!seg.get(i).word()) continue;
            words++;
            negation = seg.get(i).negation();
        }
        return words == 1 && negation;
    }

    /** Whether the words before {@code at} name it as where something came from: "from", then at most one word and articles. */
    static boolean source(List<Token> seg, int at) {
        for (int i = at - 1, words = 0; i >= 0 && seg.get(i).word(); i--) {
            Token t = seg.get(i);
            if (t.stem().equals("from")) return true;
            if (t.says() && ++words > 1) return false;
        }
        return false;
    }
}
