package triage.cli;

import triage.conversation.LiveChecks;
import triage.probe.Prober;

/** Lets tests outside the package build what serve builds. */
public final class ServeCommandAccess {
    private ServeCommandAccess() {}

    public static LiveChecks liveChecks(Prober prober) { return ServeCommand.liveChecks(prober); }
}
