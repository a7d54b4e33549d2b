package triage.probe;

import triage.model.ProbeResult.Status;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a check saw, before it is timed and turned into observations.
 *
 * @param healthy whether the target's health symptom is present; null when the check cannot tell
 * @param symptoms further symptoms it settles (symptom id -> present)
 */
record Finding(Status status, String detail, Boolean healthy, Map<String, Boolean> symptoms) {
    Finding {
        symptoms = symptoms == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(symptoms));
    }

    static Finding up(String detail) { return new Finding(Status.UP, detail, true, Map.of()); }

    static Finding down(String detail) { return new Finding(Status.DOWN, detail, false, Map.of()); }

    /** A target that did not answer in time is hung, as far as anyone can tell: its health is absent. */
    static Finding timeout(String detail) { return new Finding(Status.TIMEOUT, detail, false, Map.of()); }

    Finding with(String symptom, boolean present) {
        Map<String, Boolean> m = new LinkedHashMap<>(symptoms);
        m.put(symptom, present);
        return new Finding(status, detail, healthy, m);
    }
}
