package triage.language;

import triage.knowledge.Component;
import triage.knowledge.Knowledge;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The concepts that name a component: "db", "postgres" and "rds" all name the database, "s3" object
 * storage. A text of names alone ("the database", "db and s3") says nothing of them: no symptom,
 * and nothing to read by example either (its nearest example would lend it a state it never said).
 * Nor does one that only says something was looked into ("we checked etcd") or said by someone
 * ("someone said redis"), a state of nothing named ("it's down"), or capacity added ("we doubled the
 * pods"). And the lexicon's {@code subjects}: an example that names one reads only a clause that
 * names it too.
 */
public final class Names {
    private final Set<String> concepts = new HashSet<>();
    /** The lexicon's subjects, as concepts: names that reading by example never lends a clause. */
    private final Set<String> subjects = new HashSet<>();
    private final Analyzer analyzer;

    Names(Knowledge knowledge, Analyzer analyzer) {
        this.analyzer = analyzer;
        for (String s : knowledge.lexicon().subjects()) {
            List<String> words = analyzer.conceptsOf(s);
            if (words.size() != 1) {
                throw new IllegalArgumentException("lexicon subjects: '" + s + "' must be one word or one lexicon concept");
            }
            subjects.add(words.get(0));
        }
        for (Component c : knowledge.components().values()) {
            for (String n : List.of(c.name(), c.id().replace('-', ' '))) {
                List<String> words = analyzer.conceptsOf(n);
                // a name of one concept; "memory leak" or "request flood" already say what is wrong
                if (words.size() == 1) concepts.add(words.get(0));
            }
        }
    }

    /**
     * Whether {@code tokens} say only how things are, of nothing named ("it's down", "all broken", "3
     * down"): no word with {@link Token#content() content}, a word of state; no symptom, and no puzzle for reading by example, which would lend it a subject never said.
     */
    static boolean statesOnly(List<Token> tokens) {
        boolean state = false;
        for (Token t : tokens) {
            if (t.content()) return false;
            state |= t.says() && t.cue();
        }
        return state;
    }

    /** The lexicon's subjects {@code text} names, as concepts ("the db is slow": the database). */
    public Set<String> subjects(String text) {
        return subjects(analyzer.tokens(text));
    }

    private Set<String> subjects(List<Token> tokens) {
        Set<String> out = new HashSet<>();
        for (Token t : tokens) if (t.word() && subjects.contains(t.stem())) out.add(t.stem());
        return out;
    }

    /**
     * The lexicon's subjects {@code text} names, or null when it says nothing an example could read: names
     * alone ("someone said redis", "we checked etcd"), a state of nothing named ("it's down") or capacity
     * added ("we doubled the pods"). Its words are read once for both.
     */
    public Set<String> subjectsUnlessNothing(String text) {
        if (Actions.scalingOnly(text)) return null;
        List<Token> tokens = analyzer.tokens(text);
        return only(tokens) || statesOnly(tokens) ? null : subjects(tokens);
    }

    /** Words of hearsay: "someone said redis" names what was said, and says nothing of it. */
    private static final Set<String> HEARSAY = Set.of("someon", "somebodi", "someone", "somebody", "said", "say", "mention",
            "told", "tell", "ask", "suggest");
    /** Words that point at a component's own part of things ("db side:", "postgres itself:"): still only its name. */
    private static final Set<String> ASPECTS = Set.of("side", "itself", "self", "end");

    /** Whether every word of {@code tokens} that says something names a component, and one does. */
    boolean only(List<Token> tokens) {
        boolean named = false;
        for (Token t : tokens) {
            // "we checked etcd": a look names what was looked at and says nothing of it; nor does hearsay
            if (!t.word() || t.stop() || t.bare() || Openers.LOOKS.contains(t.stem()) || HEARSAY.contains(t.stem())
                    || ASPECTS.contains(t.stem())) continue;
            if (!concepts.contains(t.stem())) return false;
            named = true;
        }
        return named;
    }
}
