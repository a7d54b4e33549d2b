package triage.language.similar;

import triage.knowledge.Knowledge;
import triage.knowledge.Symptom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * One knowledge revision's examples, embedded once, and the nearest of them to a clause.
 * Immutable once built; thread-safe.
 *
 * <p>The nearest example names the symptom. Whether the clause says it is present or absent is
 * decided by the language layer's polarity cues ({@link Polarity}), read with the matched
 * symptom's rules (see {@link #present}): "sign-in works again" and "sign-in is broken" both come
 * nearest to a login example, and their cues part them. Embeddings alone cannot tell "login works"
 * from "login fails".
 */
public final class SentenceMatcher {
    /**
     * How the language layer reads a text: its polarity about a symptom (as its cues say, or null for
     * none), and the components it names by their own names ("db", "postgres": the database).
     */
    public interface Polarity {
        Boolean about(String symptom, String text);

        /** The components {@code text} names, as concepts; none unless the language layer says. */
        default Set<String> names(String text) { return Set.of(); }

        /**
         * The components {@code text} names, as {@link #names}, or null when it says nothing to read ("someone
         * said redis", "it's down"); as {@link #names} unless the language layer says.
         */
        default Set<String> namesUnlessNothing(String text) { return names(text); }

        /** Cues read by {@code about}, names by {@code names}, names of a text that may say nothing by {@code namesUnlessNothing}. */
        static Polarity of(Polarity about, Function<String, Set<String>> names, Function<String, Set<String>> namesUnlessNothing) {
            return new Polarity() {
                @Override public Boolean about(String symptom, String text) { return about.about(symptom, text); }
                @Override public Set<String> names(String text) { return names.apply(text); }
                @Override public Set<String> namesUnlessNothing(String text) { return namesUnlessNothing.apply(text); }
            };
        }
    }

    /** One example: the symptom, its words, and whether it says the symptom is present. */
    public record Example(String symptom, String text, boolean present) {}

    /** The example nearest a clause, and their cosine similarity. */
    public record Nearest(String clause, Example example, double similarity) {}

    private final Encoder encoder;
    private final Polarity polarity;
    private final List<Example> examples;
    private final float[][] vectors;
    /** The components each example names by name: it reads only a clause that names them too. */
    private final List<Set<String>> named;
    /** A symptom of something working and one of a fault (their examples say absent and present). */
    private final String goodSymptom, badSymptom;

    SentenceMatcher(Encoder encoder, List<Example> examples, Polarity polarity) {
        this.encoder = encoder;
        this.polarity = polarity;
        this.examples = List.copyOf(examples);
        this.vectors = new float[examples.size()][];
        for (int i = 0; i < examples.size(); i++) vectors[i] = encoder.embed(examples.get(i).text());
        this.named = this.examples.stream().map(e -> polarity.names(e.text())).toList();
        this.goodSymptom = examples.stream().filter(e -> !e.present()).map(Example::symptom).findFirst().orElse(null);
        this.badSymptom = examples.stream().filter(Example::present).map(Example::symptom).findFirst().orElse(null);
    }

    /** Every symptom's examples, embedded now (this takes the model's time once per example). */
    public static SentenceMatcher of(Knowledge knowledge, Polarity polarity, Encoder encoder) {
        return new SentenceMatcher(encoder, examplesOf(knowledge), polarity);
    }

    static List<Example> examplesOf(Knowledge knowledge) {
        List<Example> out = new ArrayList<>();
        for (Symptom s : knowledge.symptoms().values()) {
            for (String e : s.examples()) out.add(new Example(s.id(), e, s.examplesPresent()));
        }
        return out;
    }

    public List<Example> examples() { return examples; }

    /**
     * The nearest example to {@code clause} among those that name no component the clause does not
     * ("requests hang" is no reading of "requests wait on the database": an example never lends a
     * clause the subject it left out), or empty when there is none or the clause says nothing to read.
     */
    public Optional<Nearest> nearest(String clause) {
        // names alone, or a state of nothing named: no example reads it ("someone said redis" is no Redis down)
        Set<String> names = polarity.namesUnlessNothing(clause);
        if (names == null) return Optional.empty();
        return nearest(encoder.embed(clause), clause, i -> names.containsAll(named.get(i)));
    }

    /** The nearest example of a symptom other than {@code except} (lint: how close symptoms sit). */
    Optional<Nearest> nearestOther(int exampleIndex) {
        Example self = examples.get(exampleIndex);
        return nearest(vectors[exampleIndex], self.text(), i -> !examples.get(i).symptom().equals(self.symptom()));
    }

    private Optional<Nearest> nearest(float[] v, String clause, IntPredicate eligible) {
        int best = -1;
        double bestSim = -2;
        for (int i = 0; i < vectors.length; i++) {
            if (!eligible.test(i)) continue;
            double s = Encoder.cosine(v, vectors[i]);
            if (s > bestSim) { bestSim = s; best = i; }
        }
        return best < 0 ? Optional.empty() : Optional.of(new Nearest(clause, examples.get(best), bestSim));
    }

    /**
     * Whether {@code n}'s clause says its example's symptom is present, by the language layer's
     * cues read with that symptom's polarity rules. A clause without cues means what its example
     * means. A clause whose cue is a word of state ("crashlooping", "fine") says which way by
     * itself when its example's cues are negations alone, held as content ("the pods will not
     * start"). Otherwise the clause is compared with its example: against an example
     * without cues the clause's cues decide; against one with cues, the clause means what the
     * example means when their cues read the same way, and the opposite when they read the other
     * way (an example whose negation is its content, "zero core instances found", still turns a
     * negated clause the right way).
     */
    public boolean present(Nearest n) {
        Example e = n.example();
        Boolean clause = polarity.about(e.symptom(), n.clause());
        if (clause == null) return e.present();
        if (stated(n.clause()) && !stated(e.text())) return clause;
        Boolean example = polarity.about(e.symptom(), e.text());
        if (example == null) return clause;
        return e.present() ^ (clause.booleanValue() != example.booleanValue());
    }

    /**
     * Whether a text's polarity rests on a word of state: such a word reads one way of a symptom of
     * something working and the other of a fault ("down" denies "login works" and affirms "the
     * queue grows"), while negations alone read the same of both.
     */
    private boolean stated(String text) {
        if (goodSymptom == null || badSymptom == null) return false;
        Boolean good = polarity.about(goodSymptom, text), bad = polarity.about(badSymptom, text);
        return good != null && bad != null && !good.equals(bad);
    }
}
