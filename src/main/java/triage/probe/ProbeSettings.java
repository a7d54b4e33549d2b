package triage.probe;

import java.time.Duration;
import java.util.Map;

/**
 * How live checks run.
 *
 * @param budget how long an answer that checks may take in all: each check's own deadline ends at
 *               80% of it, the round is cut at 90%; the rest is for the diagnosis, which
 *               must not be starved on a busy machine
 * @param cacheTtl how long a result is served again instead of checking anew
 * @param breakerFailures failures in a row after which a target is skipped
 * @param breakerCooldown how long a failing target is skipped before it is tried again
 * @param queueGap the time between the two DBSIZE samples of a Redis queue
 */
public record ProbeSettings(Duration budget, Duration cacheTtl, int breakerFailures, Duration breakerCooldown,
                            Duration queueGap) {
    public static final String BUDGET = "TRIAGE_PROBE_BUDGET_MS";
    public static final String CACHE = "TRIAGE_PROBE_CACHE_MS";
    public static final String BREAKER_FAILURES = "TRIAGE_PROBE_BREAKER_FAILURES";
    public static final String BREAKER_COOLDOWN = "TRIAGE_PROBE_BREAKER_COOLDOWN_MS";
    public static final String QUEUE_GAP = "TRIAGE_PROBE_QUEUE_GAP_MS";

    public ProbeSettings {
        if (budget.compareTo(Duration.ofMillis(100)) < 0 || budget.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("the probe budget must be between 100 ms and 60 s, got " + budget.toMillis() + " ms");
        }
        if (cacheTtl.isNegative() || breakerCooldown.isNegative() || queueGap.isNegative()) {
            throw new IllegalArgumentException("probe durations cannot be negative");
        }
        if (breakerFailures < 1) throw new IllegalArgumentException("the breaker needs at least 1 failure to open, got " + breakerFailures);
    }

    public static ProbeSettings defaults() {
        return new ProbeSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    /** The defaults, overridden by the {@code TRIAGE_PROBE_*_MS} variables (README, "Live checks"). */
    public static ProbeSettings fromEnv(Map<String, String> env) {
        ProbeSettings d = defaults();
        return new ProbeSettings(ms(env, BUDGET, d.budget), ms(env, CACHE, d.cacheTtl),
                (int) number(env, BREAKER_FAILURES, d.breakerFailures), ms(env, BREAKER_COOLDOWN, d.breakerCooldown),
                ms(env, QUEUE_GAP, d.queueGap));
    }

    /** How long each check may take: 80% of the budget. */
    public Duration probeTimeout() {
        return budget.multipliedBy(4).dividedBy(5);
    }

    /** When a round stops waiting and calls what has not answered a timeout: 90% of the budget. */
    public Duration roundTimeout() {
        return budget.multipliedBy(9).dividedBy(10);
    }

    private static Duration ms(Map<String, String> env, String name, Duration fallback) {
        return Duration.ofMillis(number(env, name, fallback.toMillis()));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number >= 0, got '" + v + "'");
        }
    }
}
