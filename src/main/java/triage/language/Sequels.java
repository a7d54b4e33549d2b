package triage.language;

import triage.language.PhraseFinder.Match;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a clause says after one stating an arrival (part of {@link PhraseMatcher}): "logins arrive at the api and
 * fail" says the logins fail. A clause that only says how something went, after one stating an arrival, is about
 * that clause's subject, the phrase without the verb ("sign-in requests arrive and fail with a database error": the
 * clause opens on how it went). The arrival may be one no phrase took ("every login POST arriving and failing":
 * no phrase reads a POST arriving, and the login is still what fails), and so may the clause after it open on what
 * received it answering with a failure ("every sign-in POST landing and the API returning a 500").
 */
final class Sequels {
    private Sequels() {}

    /**
     * Verbs of arriving that say many other things too ("GET /api", "errors come back", "the spike hit at noon"):
     * an arrival only where a phrase took them.
     */
    private static final Set<String> LOOSE = Set.of("get", "come", "hit");
    /** What requests arrive at: its failing answer, in the clause after an arrival, is the arriving thing's fate. */
    private static final Set<String> RECEIVERS = Set.of("api", "service");

    /**
     * Puts into {@code own}, for each phrase of a part stating an arrival with no cues of its own, the cues of the
     * part after it, when that part opens on how something went.
     */
    static void lend(List<Token> seg, List<Match> accepted, int[] part, int parts, boolean[] used, boolean[] stated, boolean[] arriving,
                     Cues[] cues, int[] kinds, Map<Match, Cues> own, Set<String> arrivals) {
        boolean[] opensOnState = new boolean[parts], opensOnReceiver = new boolean[parts];
        boolean[] arrival = stated.clone();
        for (int i = 0, last = -1; i < seg.size(); i++) {
            Token t = seg.get(i);
            if (t.word() && !used[i] && arrivals.contains(t.stem()) && !LOOSE.contains(t.stem())) arrival[part[i]] = true;
            if (!t.word() || t.stop() || t.bare() || part[i] == last) continue;
            last = part[i];
            opensOnState[last] = t.cue() && !used[i];
            opensOnReceiver[last] = RECEIVERS.contains(t.stem());
        }
        for (Match m : accepted) {
            int at = part[m.from()];
            if (!arrival[at] || cues[at].any() || at + 1 >= parts || !cues[at + 1].any()) continue;
            // "every sign-in POST landing and the API returning a 500": the answer fails what arrived
            if (kinds[at + 1] != 0 && !opensOnState[at + 1] && !(opensOnReceiver[at + 1] && cues[at + 1].failureOnly())) continue;
            boolean arrives = false;
            for (int i : m.consumed()) arrives |= arriving[i];
            Cues o = own.get(m);
            if (!arrives && (o == null || !o.any())) own.put(m, cues[at + 1]);
        }
    }
}
