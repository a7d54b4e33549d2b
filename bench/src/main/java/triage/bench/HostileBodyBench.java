package triage.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import triage.language.Interpretation;
import triage.language.Interpreter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The reader on the worst bodies {@code POST /api/diagnose} accepts (issue 15, item 2): 64 KiB
 * of concept words in the shapes that cost the most (one long clause, commas, "and", "or",
 * negations), words in no list, and a '&lt;' flood. The target is 50 ms per body whatever its shape.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HostileBodyBench {
    /** The same thirty-one words the reading-cost test floods with: concepts, states and negations. */
    private static final String[] WORDS = {"login", "search", "redis", "queue", "etcd", "driver", "core", "module",
            "execute", "backoffice", "system", "request", "service", "api", "log", "worker", "database", "pool",
            "memory", "s3", "dns", "pod", "down", "fails", "works", "not", "no", "slow", "grow", "high", "cpu"};

    /** "new-unknown": words in no list, new on every body (nothing the speller remembers helps; making them is timed too). */
    @Param({"comma", "space", "and", "or", "not-and", "unknown", "new-unknown", "angle"})
    public String shape;

    private Interpreter interpreter;
    private List<String> body;
    private long seed = 5;

    @Setup
    public void setUp() throws Exception {
        interpreter = Books.open(Path.of(System.getProperty("triage.repo", "."))).current().interpreter();
        body = switch (shape) {
            case "comma" -> joined(31, 2000, ", ");
            case "space" -> joined(50, 1300, " ");
            case "and" -> joined(50, 1300, " and ");
            case "or" -> joined(50, 1300, " or ");
            case "not-and" -> joined(50, 1300, " not and ");
            case "unknown", "new-unknown" -> unknown(50, 1300, seed);
            case "angle" -> Collections.nCopies(50, "<".repeat(1290));
            default -> throw new IllegalArgumentException(shape);
        };
    }

    @Benchmark
    public Interpretation readBody() {
        if (shape.equals("new-unknown")) body = unknown(50, 1300, ++seed);
        return interpreter.read(body);
    }

    private static List<String> joined(int observations, int chars, String sep) {
        List<String> out = new ArrayList<>();
        int k = 0;
        for (int o = 0; o < observations; o++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < chars - 14) sb.append(WORDS[Math.floorMod(k++ * 7 + o, WORDS.length)]).append(sep);
            out.add(sb.toString());
        }
        return out;
    }

    private static List<String> unknown(int observations, int chars, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int o = 0; o < observations; o++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < chars - 14) {
                for (int i = 5 + r.nextInt(7); i > 0; i--) sb.append((char) ('a' + r.nextInt(26)));
                sb.append(' ');
            }
            out.add(sb.toString());
        }
        return out;
    }
}
