package triage.language.similar;

import triage.knowledge.Knowledge;
import triage.language.Interpreter;
import triage.model.Observation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What is wrong with the symptoms' examples: an example the phrases read as another symptom, and examples of two symptoms so close in
 * meaning ({@link Thresholds#apart()}) that a clause near one is as near the other.
 */
public final class ExampleLint {
    /** One finding about {@code example} of {@code symptom}. */
    public record Finding(String symptom, String example, String message) {}

    private ExampleLint() {}

    public static List<Finding> check(Knowledge knowledge, Interpreter interpreter, SentenceMatcher.Polarity polarity,
                                      Encoder encoder, Thresholds t) {
        List<Finding> out = new ArrayList<>();
        SentenceMatcher m = SentenceMatcher.of(knowledge, polarity, encoder);
        List<SentenceMatcher.Example> examples = m.examples();
        Set<String> pairs = new LinkedHashSet<>();
        for (int i = 0; i < examples.size(); i++) {
            SentenceMatcher.Example e = examples.get(i);
            // an error's example also fails what it is the error of ("failure_of"): that reading is the error's own
            String of = knowledge.symptoms().get(e.symptom()).failureOf();
            for (Observation r : interpreter.read(e.text()).readings()) {
                if (!r.getSymptom().equals(e.symptom()) && !(r.getSymptom().equals(of) && !r.isPresent())) {
                    out.add(new Finding(e.symptom(), e.text(), "example of '" + e.symptom() + "' reads as '" + r.getSymptom()
                            + "' (" + (r.isPresent() ? "present" : "absent") + ") by that symptom's phrases; reword it or fix the phrase"));
                }
            }
            Optional<SentenceMatcher.Nearest> other = m.nearestOther(i);
            if (other.isPresent() && other.get().similarity() >= t.apart()) {
                SentenceMatcher.Example o = other.get().example();
                String key = e.text().compareTo(o.text()) < 0 ? e.text() + "\n" + o.text() : o.text() + "\n" + e.text();
                if (pairs.add(key)) {
                    out.add(new Finding(e.symptom(), e.text(), String.format(java.util.Locale.ROOT,
                            "example of '%s' sits too close to an example of '%s' (\"%s\", similarity %.2f >= %.2f): "
                                    + "a sentence near one is as near the other", e.symptom(), o.symptom(), o.text(),
                            other.get().similarity(), t.apart())));
                }
            }
        }
        return out;
    }
}
