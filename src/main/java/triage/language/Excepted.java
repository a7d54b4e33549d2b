package triage.language;

import java.util.ArrayList;
import java.util.List;

/**
 * An exception inside a subject ("every REST call save the panels' sockets errors"): the state at the
 * sentence's end is the subject's, and what is excepted is in the other state. The tokens are put in the
 * order the reader already knows ("every REST call errors save the panels' sockets"): only when the words
 * before the exception state nothing (no word of state or negation) and those after it end on a
 * predicate (words of state, with stopwords among them) that follows something named. Linear.
 */
final class Excepted {
    private Excepted() {}

    static List<Token> predicateFirst(List<Token> tokens) {
        List<Token> out = null;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token.Kind k = tokens.get(i).kind();
            if (k == Token.Kind.STRONG_BREAK) start = i + 1;
            if (k != Token.Kind.EXCEPT) continue;
            int end = i + 1;
            while (end < tokens.size() && tokens.get(end).kind() != Token.Kind.STRONG_BREAK && tokens.get(end).kind() != Token.Kind.EXCEPT) end++;
            int predicate = predicate(tokens, i + 1, end);
            if (predicate < 0 || states(tokens, start, i)) continue;
            if (out == null) out = new ArrayList<>(tokens);
            List<Token> reordered = new ArrayList<>(out.subList(predicate, end));
            reordered.add(out.get(i));
            reordered.addAll(out.subList(i + 1, predicate));
            for (int j = 0; j < reordered.size(); j++) out.set(i + j, reordered.get(j));
            start = end;
            i = end - 1;
        }
        return out == null ? tokens : out;
    }

    /** Where the trailing predicate of {@code tokens[from, to)} starts: a run of cues and stopwords holding a cue, after a named word; else -1. */
    private static int predicate(List<Token> tokens, int from, int to) {
        int p = to;
        boolean cue = false;
        while (p > from) {
            Token t = tokens.get(p - 1);
            if (!t.word() || !(t.cue() || t.stop())) break;
            cue |= t.cue();
            p--;
        }
        // the run starts at its first cue: "the sockets that are fine" keeps "that are" with the sockets
        while (p < to && !tokens.get(p).cue()) p++;
        return cue && p > from && tokens.get(p - 1).word() && !tokens.get(p - 1).stop() ? p : -1;
    }

    private static boolean states(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) if (tokens.get(i).word() && tokens.get(i).cue()) return true;
        return false;
    }
}
