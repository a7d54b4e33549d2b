package triage.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import triage.model.Cause;
import triage.model.Diagnosis;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What an operator graphs: requests by route and status, diagnosis latency, causes by
 * component, unrecognized observations, reloads and their outcome, probe results and
 * latency, conversations open. Exposed in Prometheus text format at {@code /metrics}.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer diagnoses;
    private final Counter unrecognized;

    public Metrics() {
        diagnoses = Timer.builder("triage.diagnosis").description("Time to diagnose, from observations to ranked causes and checks")
                .publishPercentiles(0.5, 0.99).register(registry);
        unrecognized = Counter.builder("triage.observations.unrecognized")
                .description("Observations that matched no symptom").register(registry);
    }

    public void request(String route, int status, long nanos) {
        Timer.builder("triage.http.requests").description("HTTP requests by route and status")
                .tag("route", route).tag("status", String.valueOf(status))
                .register(registry).record(Duration.ofNanos(nanos));
    }

    public void diagnosed(Diagnosis d, long nanos) {
        diagnoses.record(Duration.ofNanos(nanos));
        Cause top = d.top();
        Counter.builder("triage.causes").description("Diagnoses by their most likely component")
                .tag("component", top == null ? "none" : top.component()).register(registry).increment();
        if (!d.unrecognized().isEmpty()) unrecognized.increment(d.unrecognized().size());
    }

    public void unrecognized(int n) { unrecognized.increment(n); }

    public void reload(boolean ok, long nanos) {
        Timer.builder("triage.rules.reloads").description("Rule reloads by outcome")
                .tag("outcome", ok ? "swapped" : "rejected").register(registry).record(Duration.ofNanos(nanos));
    }

    public void probe(String component, String status, long millis) {
        Timer.builder("triage.probes").description("Live checks by component and result")
                .tag("component", component).tag("status", status).register(registry).record(Duration.ofMillis(millis));
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** The Prometheus text exposition. */
    public String scrape() { return registry.scrape(); }
}
