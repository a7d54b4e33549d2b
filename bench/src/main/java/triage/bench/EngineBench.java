package triage.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import triage.engine.Diagnoser;
import triage.engine.Rulebook;
import triage.model.Diagnosis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine alone: one diagnosis (fire the rules, rank, choose the next checks) of already
 * understood observations, by {@link Diagnoser#diagnose} (never a remembered outcome), cycling through the inputs of every shipped scenario. {@code rules}
 * is the rule base: the shipped runbooks, or a generated one of that many rules
 * ({@link RuleGen}), all asked the same questions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBench {
    @Param({"shipped", "1000", "10000"})
    public String rules;

    private Rulebook rb;
    private final Diagnoser diagnoser = new Diagnoser();
    private List<Workload.Input> inputs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path repo = Path.of(System.getProperty("triage.repo", "."));
        Rulebook shipped = Books.open(repo).current();
        inputs = Workload.of(shipped);
        Path dir = repo;
        if (!rules.equals("shipped")) {
            dir = RuleGen.generate(repo, Files.createTempDirectory("triage-bench-"), Integer.parseInt(rules));
        }
        rb = Books.open(dir).current();
        System.out.println("rule base: " + rb.rules().size() + " rules");
    }

    @Benchmark
    public Diagnosis diagnose() {
        Workload.Input in = inputs.get(next++ % inputs.size());
        // the Diagnoser itself: no remembered outcomes, every diagnosis fires the rules
        return diagnoser.diagnose(rb, in.observations(), List.of(), in.hints(), List.of());
    }
}
