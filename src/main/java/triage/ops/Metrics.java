package triage.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import triage.engine.Triage;
import triage.model.Cause;
import triage.model.Diagnosis;
import triage.model.ProbeResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an operator graphs: requests by route and status, diagnosis latency, causes by
 * component, unrecognized observations, reloads and their outcome, probe results and
 * latency, conversations open. Exposed in Prometheus text format at {@code /metrics}.
 *
 * <p>Every request records here, so each meter is looked up once per tag combination and kept:
 * the hot path is a map lookup and a record, not a builder and a registry lookup by id.
 *
 * <p>The registry is built on first use, or by {@link #prepare}: Micrometer's and Prometheus'
 * classes (some 230) take a start about a tenth of a second of a core, so {@code serve} builds it
 * once it listens. Gauges registered before then are added when it is built.
 */
public final class Metrics implements Triage.Observer {
    /**
     * Bucket bounds of the diagnosis histogram: a remembered outcome takes well under a
     * millisecond, rules fired afresh a few to a few hundred; {@code histogram_quantile} reads them.
     */
    static final Duration[] DIAGNOSIS_BUCKETS = {
            Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000),
            Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final Object lock = new Object();
    /** The registry and the meters every diagnosis records; null until first needed. */
    private volatile Meters meters;
    /** Gauges registered before the registry was built (guarded by {@link #lock}). */
    private final List<Consumer<PrometheusMeterRegistry>> gauges = new ArrayList<>();
    private final Map<Request, Timer> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> causes = new ConcurrentHashMap<>();
    private final Map<Probe, Timer> probes = new ConcurrentHashMap<>();
    private final Map<Boolean, Timer> reloads = new ConcurrentHashMap<>();

    private record Meters(PrometheusMeterRegistry registry, Timer diagnoses, Counter unrecognized) {}

    private record Request(String route, int status) {}

    private record Probe(String component, String status) {}

    /** Builds the registry now, if no use has yet; safe from any thread, and to call more than once. */
    public void prepare() {
        meters();
    }

    private Meters meters() {
        Meters m = meters;
        if (m != null) return m;
        synchronized (lock) {
            if (meters == null) {
                PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
                // a histogram with fixed buckets rather than client-side percentiles: recording is a bucket
                // increment instead of an HDR histogram update, and buckets aggregate across instances
                Timer diagnoses = Timer.builder("triage.diagnosis")
                        .description("Time to diagnose, from observations to ranked causes and checks")
                        .serviceLevelObjectives(DIAGNOSIS_BUCKETS).register(registry);
                Counter unrecognized = Counter.builder("triage.observations.unrecognized")
                        .description("Observations that matched no symptom").register(registry);
                gauges.forEach(g -> g.accept(registry));
                gauges.clear();
                meters = new Meters(registry, diagnoses, unrecognized);
            }
            return meters;
        }
    }

    public void request(String route, int status, long nanos) {
        meter(requests, new Request(route, status), this::requestTimer).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer requestTimer(Request k) {
        return Timer.builder("triage.http.requests").description("HTTP requests by route and status")
                .tag("route", k.route()).tag("status", String.valueOf(k.status())).register(meters().registry());
    }

    @Override public void diagnosed(Diagnosis d, long nanos) {
        Meters m = meters();
        m.diagnoses().record(nanos, TimeUnit.NANOSECONDS);
        Cause top = d.top();
        meter(causes, top == null ? "none" : top.component(), this::causeCounter).increment();
        if (!d.unrecognized().isEmpty()) m.unrecognized().increment(d.unrecognized().size());
    }

    private Counter causeCounter(String component) {
        return Counter.builder("triage.causes").description("Diagnoses by their most likely component")
                .tag("component", component).register(meters().registry());
    }

    public void unrecognized(int n) { meters().unrecognized().increment(n); }

    public void reload(boolean ok, long nanos) {
        meter(reloads, ok, swapped -> Timer.builder("triage.rules.reloads").description("Rule reloads by outcome")
                .tag("outcome", swapped ? "swapped" : "rejected").register(meters().registry()))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One live check's result, as {@link Triage#answer} reports it. */
    @Override public void checked(ProbeResult r) { probe(r.component(), r.status().wire(), r.ms()); }

    public void probe(String component, String status, long millis) {
        meter(probes, new Probe(component, status), this::probeTimer).record(millis, TimeUnit.MILLISECONDS);
    }

    private Timer probeTimer(Probe k) {
        return Timer.builder("triage.probes").description("Live checks by component and result")
                .tag("component", k.component()).tag("status", k.status()).register(meters().registry());
    }

    /** The meter for {@code key}, registered on first use; a plain get after that (no lock on the hot path). */
    private static <K, M> M meter(Map<K, M> meters, K key, Function<K, M> register) {
        M m = meters.get(key);
        return m != null ? m : meters.computeIfAbsent(key, register);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Consumer<PrometheusMeterRegistry> gauge = r -> Gauge.builder(name, value).description(description).register(r);
        synchronized (lock) {
            if (meters == null) {
                gauges.add(gauge);
                return;
            }
        }
        gauge.accept(meters.registry());
    }

    /** The Prometheus text exposition. */
    public String scrape() { return meters().registry().scrape(); }
}
