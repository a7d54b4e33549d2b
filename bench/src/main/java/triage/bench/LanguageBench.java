package triage.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import triage.engine.Diagnoser;
import triage.engine.Rulebook;
import triage.engine.Said;
import triage.engine.Triage;
import triage.language.Interpretation;
import triage.language.Interpreter;
import triage.model.Observation;
import triage.model.Diagnosis;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The language layer alone (one sentence to observations: tokenize, typo-correct, stem, fold,
 * phrase windows), cycling through every sentence of the shipped scenarios; and the whole path
 * a request takes past HTTP (language, then engine) for comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LanguageBench {
    private Interpreter interpreter;
    private Rulebook rb;
    private final Diagnoser diagnoser = new Diagnoser();
    private Triage triage;
    private List<String> sentences;
    private List<Workload.Input> inputs;
    private int nextSentence;
    private int nextInput;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path repo = Path.of(System.getProperty("triage.repo", "."));
        Rulebook shipped = Books.open(repo).current();
        interpreter = shipped.interpreter();
        sentences = Workload.sentences(shipped);
        inputs = Workload.of(shipped);
        triage = new Triage(Books.open(repo));
        rb = triage.rules().current();
    }

    /** Microseconds per observation (one sentence). */
    @Benchmark
    public Interpretation readSentence() {
        return interpreter.read(List.of(sentences.get(nextSentence++ % sentences.size())));
    }

    /** Text to diagnosis with nothing remembered: read every sentence, then fire the rules. */
    @Benchmark
    public Diagnosis textToDiagnosis() {
        List<String> texts = inputs.get(nextInput++ % inputs.size()).texts();
        Interpretation in = interpreter.read(texts);
        Map<String, Observation> latest = new LinkedHashMap<>();
        for (Observation r : in.readings()) {
            latest.remove(r.getSymptom());
            latest.put(r.getSymptom(), r);
        }
        return diagnoser.diagnose(rb, List.copyOf(latest.values()), List.of(), in.runbooks(), in.unrecognized());
    }

    /** Text to diagnosis as {@code POST /api/diagnose} does it minus HTTP and JSON (what Triage remembers, it reuses). */
    @Benchmark
    public Diagnosis textToDiagnosisThroughTriage() {
        return triage.answer(Said.texts(inputs.get(nextInput++ % inputs.size()).texts())).diagnosis();
    }
}
