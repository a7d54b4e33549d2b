package triage.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one live check of one component found, and the observations it yields.
 *
 * @param target where it looked, with any password masked
 * @param detail what it saw, for a person (never a credential)
 * @param ms how long the check took (for a cached or skipped result: the original check)
 * @param cached the result of a check made a moment ago, served again
 * @param counted whether its observations went into the diagnosis
 * @param observations the symptoms it settles, with source {@link Observation#PROBE}
 */
public record ProbeResult(String component, String target, Status status, String detail, long ms,
                          boolean cached, boolean counted, List<Observation> observations) {

    /** How a check ended: the target answered well, answered badly or refused, did not answer in time, or was not asked. */
    public enum Status {
        UP, DOWN, TIMEOUT, SKIPPED;

        /** The name on the wire (API.md): lower case. */
        public String wire() { return name().toLowerCase(Locale.ROOT); }
    }

    public ProbeResult {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(status, "status");
        target = target == null ? "" : target;
        detail = detail == null ? "" : detail;
        observations = observations == null ? List.of() : List.copyOf(observations);
    }

    public boolean up() { return status == Status.UP; }

    public ProbeResult asCached() {
        return new ProbeResult(component, target, status, detail, ms, true, counted, observations);
    }

    public ProbeResult notCounted() {
        return new ProbeResult(component, target, status, detail, ms, cached, false, observations);
    }
}
