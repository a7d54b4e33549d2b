package triage.language;

import org.junit.jupiter.api.Test;
import triage.Fixtures;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader's cost is close to linear in the text's length whatever its shape: the worst body
 * /api/diagnose accepts (64 KiB of comma-separated concept words) is read well within a request's
 * budget.
 */
class ReadingCostTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    private static final String[] WORDS = {"login", "search", "redis", "queue", "etcd", "driver", "core", "module",
            "execute", "backoffice", "system", "request", "service", "api", "log", "worker", "database", "pool",
            "memory", "s3", "dns", "pod", "down", "fails", "works", "not", "no", "slow", "grow", "high", "cpu"};

    static List<String> commaFlood(int observations, int chars, int seed) {
        List<String> out = new ArrayList<>();
        int k = seed;
        for (int o = 0; o < observations; o++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < chars - 12) {
                sb.append(WORDS[Math.floorMod(k * 7 + o, WORDS.length)]).append(", ");
                k++;
            }
            out.add(sb.toString());
        }
        return out;
    }

    private long millisToRead(List<String> body) {
        long t0 = System.nanoTime();
        in.read(body);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void the_worst_comma_flood_body_is_read_within_the_budget() {
        List<String> wide = commaFlood(31, 2000, 1);
        List<String> many = commaFlood(50, 1300, 2);
        for (int i = 0; i < 5; i++) { millisToRead(wide); millisToRead(many); }  // warm the JIT
        long worst = Math.max(best(wide), best(many));
        // target 50 ms on a quiet machine; CI is a loaded 2-core box, so allow ten times that
        assertTrue(worst < 500, "reading a 64 KiB comma flood took " + worst + " ms");
    }

    @Test
    void reading_cost_grows_about_linearly_with_length() {
        List<String> one = commaFlood(1, 1000, 3), eight = commaFlood(1, 8000, 3);
        for (int i = 0; i < 30; i++) { millisToRead(one); millisToRead(eight); }
        long tOne = bestNanos(one), tEight = bestNanos(eight);
        // eight times the text: linear is 8x the work, quadratic 64x; the margin is for a loaded machine
        System.out.println("1000 chars " + tOne + " ns, 8000 chars " + tEight + " ns");
        assertTrue(tEight < tOne * 24 + 5_000_000, "1000 chars " + tOne + " ns, 8000 chars " + tEight + " ns");
    }

    private long best(List<String> body) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) best = Math.min(best, millisToRead(body));
        System.out.println("comma flood " + body.size() + " x " + body.get(0).length() + ": " + best + " ms");
        return best;
    }

    private long bestNanos(List<String> body) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 15; i++) {
            long t0 = System.nanoTime();
            in.read(body);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }
}
