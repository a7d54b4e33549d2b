package triage.language;

import triage.language.PhraseFinder.Match;

import java.util.List;

/** The clauses of a segment no phrase read: what reading by example ({@code triage.language.similar}) may still read. */
final class UnreadClauses {
    private UnreadClauses() {}

    /**
     * The clauses of {@code seg} no accepted phrase touches, as their words, when two words or more say
     * something and one of them is neither a word of state nor a number ("3 insufficient memory" names
     * nothing to compare with an example: its nearest would lend it a subject never said).
     */
    static void of(List<Token> seg, int[] clauseOf, int clauses, List<Match> accepted, boolean[] used, List<String> into) {
        boolean[] read = new boolean[clauses + 1];
        for (Match m : accepted) for (int c = clauseOf[m.from()]; c <= clauseOf[m.to()]; c++) read[c] = true;
        StringBuilder sb = new StringBuilder();
        int saying = 0, content = 0, current = 0;
        for (int i = 0; i <= seg.size(); i++) {
            int c = i < seg.size() ? clauseOf[i] : -1;
            if (c != current) {
                if (!read[current] && saying >= 2 && content >= 1) into.add(sb.toString());
                sb.setLength(0);
                saying = 0;
                content = 0;
                current = c;
            }
            if (c < 0) break;
            Token t = seg.get(i);
            if (!t.word() || read[c] || used[i]) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(t.surface());
            if (t.stop() || t.bare()) continue;
            saying++;
            if (!t.cue() && !t.stem().chars().allMatch(Character::isDigit)) content++;
        }
    }
}
