package triage.app;

import triage.engine.LiveChecks;
import triage.model.ProbeResult;

import java.util.List;

/**
 * The live checks of a service that listens before its first rule set has loaded: which targets
 * there are follows from that set's knowledge, so they are set once it has ({@link LiveChecks#NONE}
 * until then; no request is answered before, see {@code http.Startup}).
 */
final class LaterChecks implements LiveChecks {
    private volatile LiveChecks to = LiveChecks.NONE;

    void set(LiveChecks checks) { this.to = checks; }

    @Override public List<String> names() { return to.names(); }

    @Override public List<ProbeResult> run() { return to.run(); }
}
