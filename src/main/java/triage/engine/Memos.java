package triage.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import triage.language.Interpretation;
import triage.language.Interpreter;
import triage.model.Observation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link Triage} remembers of the answers given on one rulebook revision: each sentence's
 * reading, the runbooks each set of reports keeps to ({@link Rulebook#runbooksOn}), each
 * diagnosis' outcome, and the whole answer to a message on its own (a {@code POST /api/diagnose}
 * body, a conversation's opening). All are pure functions of the revision, so a new revision
 * starts a new set and the old one is dropped whole. Each memo is a bounded Caffeine cache: a
 * burst of distinct inputs evicts the least useful entries, never grows memory; values are immutable.
 */
final class Memos {
    /** Bounds of the memos: a few MiB at most, whatever is sent. */
    private static final int ENTRIES = 4096;
    private static final int MAX_TEXT = 500;

    private final String revision;
    private final Cache<String, Interpretation> sentences = bounded();
    private final Cache<Outcome.Key, Outcome> outcomes = bounded();
    private final Cache<OnKey, Set<String>> runbooksOn = bounded();
    /**
     * Answers to messages on their own ({@link Said#alone}), by their texts (see {@link #answered}):
     * a message weighs one entry for each {@value #MAX_TEXT} characters it holds, begun.
     */
    private final Cache<List<String>, Answer> answers = Caffeine.newBuilder().maximumWeight(ENTRIES)
            .<List<String>, Answer>weigher((texts, a) -> 1 + length(texts) / MAX_TEXT).executor(Runnable::run).build();

    /**
     * What {@link Rulebook#runbooksOn} follows from: the four sets' members in one array, each set
     * in its order (the answer's order follows it), with where each set ends; hashed once.
     */
    private static final class OnKey {
        private final String[] members;
        /** Where the configured, mentioned and set-aside members end. */
        private final int configured;
        private final int mentioned;
        private final int setAside;
        private final int hash;

        OnKey(Set<String> configured, Set<String> mentioned, Set<String> setAside, Set<String> seen) {
            members = new String[configured.size() + mentioned.size() + setAside.size() + seen.size()];
            int i = 0;
            for (String s : configured) members[i++] = s;
            this.configured = i;
            for (String s : mentioned) members[i++] = s;
            this.mentioned = i;
            for (String s : setAside) members[i++] = s;
            this.setAside = i;
            for (String s : seen) members[i++] = s;
            hash = ((Arrays.hashCode(members) * 31 + this.configured) * 31 + this.mentioned) * 31 + this.setAside;
        }

        @Override public int hashCode() { return hash; }

        @Override public boolean equals(Object o) {
            return o == this || o instanceof OnKey k && k.hash == hash && k.configured == configured
                    && k.mentioned == mentioned && k.setAside == setAside && Arrays.equals(k.members, members);
        }
    }

    Memos(String revision) {
        this.revision = revision;
    }

    String revision() { return revision; }

    Cache<Outcome.Key, Outcome> outcomes() { return outcomes; }

    /**
     * The answer given before to a message on its own ({@link Said#alone}) in these very texts, or
     * null. Only texts redaction leaves as they are are kept ({@link #answered(List, Answer, boolean)}), so
     * a message found here needs no redaction: its texts are what would be stored anyway.
     */
    Answer answered(List<String> texts) { return answers.getIfPresent(texts); }

    /**
     * Remembers {@code answer} to a message on its own in {@code texts}, which redaction left as
     * they were, when every text's reading is remembered too (a text read on a spent budget is not
     * what it says) and, {@code byExample}, the phrases read every text whole: what the sentence
     * model makes of the rest changes as it loads. Its diagnosis is frozen first (every list
     * immutable), as it is handed out again. Returns the answer to give.
     */
    Answer answered(List<String> texts, Answer answer, boolean byExample) {
        for (String t : texts) {
            Interpretation in = sentences.getIfPresent(t);
            if (in == null || byExample && (!in.unrecognized().isEmpty() || !in.gaps().isEmpty())) return answer;
        }
        Answer kept = answer.withDiagnosis(answer.diagnosis().frozen());
        answers.put(texts, kept);
        return kept;
    }

    /** {@code rb.runbooksOn(...)}, remembered: {@code rb} is of this revision, and the answer is a function of it and the sets. */
    Set<String> runbooksOn(Rulebook rb, Set<String> configured, Set<String> mentioned, Set<String> setAside,
                           Set<String> seen) {
        OnKey key = new OnKey(configured, mentioned, setAside, seen);
        Set<String> on = runbooksOn.getIfPresent(key);
        if (on == null) {
            on = Collections.unmodifiableSet(new LinkedHashSet<>(rb.runbooksOn(configured, mentioned, setAside, seen)));
            runbooksOn.put(key, on);
        }
        return on;
    }

    private static int length(List<String> texts) {
        int n = 0;
        for (String t : texts) n += t.length();
        return n;
    }

    // upkeep on the calling thread: nothing is handed to the common pool per request
    private static <K, V> Cache<K, V> bounded() {
        return Caffeine.newBuilder().maximumSize(ENTRIES).executor(Runnable::run).build();
    }

    /**
     * What the sentence memo keeps for a text that takes back what came before ({@link
     * Interpreter#retracts}): known by identity, never read as observations.
     */
    private static final Interpretation RETRACTS = new Interpretation(List.of(), List.of(), Set.of(), List.of(), List.of());

    /**
     * What {@code texts} say, as {@link Interpreter#read(List)} reads them; each text is read once
     * and remembered, a retraction as such (a text is read on its own, so a batch is its texts'
     * readings in order, a retraction emptying what came before it). The
     * texts not remembered are paid from one budget for the request ({@link Interpreter.Reading});
     * a text read when it ran out is not what the text says, so it is not remembered.
     */
    Interpretation read(Interpreter interpreter, List<String> texts) {
        Interpreter.Reading reading = null;
        List<Observation> readings = new ArrayList<>();
        List<String> unrecognized = new ArrayList<>();
        Set<String> runbooks = new LinkedHashSet<>();
        List<String> gaps = new ArrayList<>(), elsewhere = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String text : texts) {
            Interpretation one = sentences.getIfPresent(text);
            if (one == null) {
                if (interpreter.retracts(text)) {
                    one = RETRACTS;
                } else {
                    if (reading == null) reading = interpreter.reading();
                    Interpretation r = reading.read(text);
                    one = new Interpretation(List.copyOf(r.readings()), List.copyOf(r.unrecognized()),
                            Collections.unmodifiableSet(new LinkedHashSet<>(r.runbooks())), List.copyOf(r.gaps()),
                            List.copyOf(r.elsewhere()));
                }
                if (text.length() <= MAX_TEXT && (one == RETRACTS || !reading.spent())) sentences.put(text, one);
            }
            // "false alarm, it was my own laptop": what came before was no fault of the system
            if (one == RETRACTS) {
                readings.clear();
                unrecognized.clear();
                runbooks.clear();
                gaps.clear();
                elsewhere.clear();
                continue;
            }
            readings.addAll(one.readings());
            unrecognized.addAll(one.unrecognized());
            runbooks.addAll(one.runbooks());
            elsewhere.addAll(one.elsewhere());
            if (seen.add(text)) gaps.addAll(one.gaps());  // a text sent twice has its gaps once
        }
        return new Interpretation(readings, unrecognized, runbooks, gaps, elsewhere);
    }
}
