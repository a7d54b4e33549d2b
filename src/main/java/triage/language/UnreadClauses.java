package triage.language;

import triage.language.PhraseFinder.Match;

import java.util.List;
import java.util.Set;

/**
 * The clauses of a segment no phrase read: what reading by example ({@code triage.language.similar}) may
 * still read. A clause that opens on a pronoun ("... and they never start") is read with the words the
 * segment opened on in its place ("the web pods never start"): alone, "they never start" is about
 * nothing an example could be near. A clause that ends pointing at what was pasted ("every slow trace looks like
 * this") has nothing of its own to compare.
 */
final class UnreadClauses {
    private UnreadClauses() {}

    /** Pronouns that stand for what the sentence opens on. */
    private static final Set<String> PRONOUNS = Set.of("they", "it", "these", "those", "both");
    /** What "like ..." ends on when it points at something shown, not said ("looks like this"). */
    private static final Set<String> POINTERS = Set.of("this", "that", "these", "those", "above", "below");

    /**
     * The clauses of {@code seg} no accepted phrase touches, as their words, when two words or more say
     * something and one of them has {@link Token#content() content} ("3 insufficient memory" names
     * nothing to compare with an example: its nearest would lend it a subject never said).
     */
    static void of(List<Token> seg, int[] clauseOf, int clauses, List<Match> accepted, boolean[] used, List<String> into) {
        boolean[] read = new boolean[clauses + 1];
        for (Match m : accepted) for (int c = clauseOf[m.from()]; c <= clauseOf[m.to()]; c++) read[c] = true;
        String subject = subject(seg, clauseOf);
        StringBuilder sb = new StringBuilder();
        int saying = 0, content = 0, current = 0;
        int from = 0;
        for (int i = 0; i <= seg.size(); i++) {
            int c = i < seg.size() ? clauseOf[i] : -1;
            if (c != current) {
                if (!read[current] && saying >= 2 && content >= 1 && !pointing(seg.subList(from, i))) into.add(sb.toString());
                from = i;
                sb.setLength(0);
                saying = 0;
                content = 0;
                current = c;
            }
            if (c < 0) break;
            Token t = seg.get(i);
            if (!t.word() || read[c] || used[i]) continue;
            if (sb.length() == 0 && c > 0 && subject != null && PRONOUNS.contains(t.surface())) {
                sb.append(subject);
                saying++;
                content++;
                continue;
            }
            if (sb.length() > 0) sb.append(' ');
            sb.append(t.surface());
            if (!t.says()) continue;
            saying++;
            if (t.content()) content++;
        }
    }

    /**
     * Whether {@code tokens} end pointing at what was pasted ("every slow trace looks like this"), or open on it
     * ("same for each room": the error above, again).
     */
    static boolean pointing(List<Token> tokens) {
        for (Token t : tokens) {
            if (!t.word()) continue;
            if (t.stem().equals("same")) return true;
            break;
        }
        String last = null;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (!t.word()) continue;
            // the lexicon folds "looks like this" into a last "like"
            if (last == null && t.stem().equals("like")) return true;
            if (last != null) return t.stem().equals("like") && POINTERS.contains(last);
            last = t.surface();
        }
        return false;
    }

    /**
     * What the segment opens on: the words of its first clause before the first word of state, without
     * the stopwords that end them ("the web pods" of "the web pods lost their config"); null when they name nothing.
     */
    private static String subject(List<Token> seg, int[] clauseOf) {
        int end = 0, saying = 0;
        for (int i = 0; i < seg.size() && clauseOf[i] == 0; i++) {
            Token t = seg.get(i);
            if (!t.word()) continue;
            if (t.cue() || PRONOUNS.contains(t.surface())) break;
            if (!t.stop() && !t.bare()) {
                end = i + 1;
                saying++;
            }
        }
        if (saying == 0) return null;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < end; i++) {
            if (!seg.get(i).word()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(seg.get(i).surface());
        }
        return sb.toString();
    }
}
