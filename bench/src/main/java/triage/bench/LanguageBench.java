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
import triage.engine.Rulebook;
import triage.engine.Triage;
import triage.engine.LiveRulebook;
import triage.language.Interpretation;
import triage.language.Interpreter;
import triage.model.Diagnosis;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The language layer alone (one sentence to observations: tokenize, typo-correct, stem, fold,
 * phrase windows), cycling through every sentence of the shipped scenarios; and the whole path
 * a request takes past HTTP (language, then engine) for comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LanguageBench {
    private Interpreter interpreter;
    private Triage triage;
    private List<String> sentences;
    private List<Workload.Input> inputs;
    private int nextSentence;
    private int nextInput;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path repo = Path.of(System.getProperty("triage.repo", "."));
        Rulebook shipped = Rulebook.load(repo.resolve("rules"), repo.resolve("knowledge"));
        interpreter = shipped.interpreter();
        sentences = Workload.sentences(shipped);
        inputs = Workload.of(shipped);
        triage = new Triage(LiveRulebook.open(repo.resolve("rules"), repo.resolve("knowledge")));
    }

    /** Microseconds per observation (one sentence). */
    @Benchmark
    public Interpretation readSentence() {
        return interpreter.read(List.of(sentences.get(nextSentence++ % sentences.size())));
    }

    /** Text to diagnosis, as {@code POST /api/diagnose} does it minus HTTP and JSON. */
    @Benchmark
    public Diagnosis textToDiagnosis() {
        return triage.diagnose(inputs.get(nextInput++ % inputs.size()).texts());
    }
}
