package triage.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import triage.app.App;
import triage.app.Config;
import triage.engine.Answer;
import triage.engine.Said;
import triage.engine.UnrecognizedLog;
import triage.engine.LiveRulebook;
import triage.engine.Triage;
import triage.probe.Prober;
import triage.probe.ProbeChecks;
import triage.render.JsonView;
import triage.render.PlainText;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** {@code ask "..." ["..."]}: one diagnosis, for a person or (with --json) for a script. */
@Command(name = "ask", description = "Diagnose what you see, once.")
public final class AskCommand extends RunbooksCommand {
    @Parameters(arity = "1..*", paramLabel = "OBSERVATION", description = "What you see, one sentence each.")
    List<String> observations;

    @Option(names = "--json", description = "Print the /api/diagnose response body.")
    boolean json;

    @Option(names = "--explain", description = "Also print what was understood and every rule that fired, in order.")
    boolean explain;

    @Option(names = "--probe", description = "Also run the configured live checks (TRIAGE_PROBE_<ID>, knowledge/components.yaml), "
            + "print what they found and count it as evidence.")
    boolean probe;

    private final HeadStart headStart;

    public AskCommand() {
        this(HeadStart.none());
    }

    /** @param headStart the runbooks perhaps loading already (see {@link HeadStart}) */
    public AskCommand(HeadStart headStart) {
        this.headStart = headStart;
    }

    @Override public Integer call() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        for (String o : observations) {
            if (o.isBlank()) {
                err.println("triage: an observation is blank; say what you see, e.g. \"can't log in\"");
                return 2;
            }
        }
        Config config = sources.config();
        // answer first: the scenarios and the cache entry of a just-edited set can wait until then
        LiveRulebook rules = Sources.openUnchecked(config, headStart.compilerFor(config), err);
        if (rules == null) return 1;
        java.util.Set<String> stacks = App.stacks(config, rules.current().knowledge());
        Prober prober = null;
        if (probe) {
            try {
                prober = Prober.configured(rules.current().knowledge(), config.probe());
            } catch (IllegalArgumentException e) {
                err.println("triage: live checks: " + e.getMessage());
                return 2;
            }
            // connect first, so the checks' budget is spent on the targets, not on loading the clients
            prober.open();
        }
        try {
            Triage phrases = new Triage(rules, new UnrecognizedLog(1, java.time.Clock.systemUTC()), (d, nanos) -> { },
                    ProbeChecks.of(prober), stacks);
            Triage triage = config.recall() ? phrases.withRecall(true) : phrases;
            Answer a = triage.answer(Said.texts(observations).checking(probe));
            if (json) {
                StringWriter text = new StringWriter();
                try (JsonGenerator g = new ObjectMapper().createGenerator(text).useDefaultPrettyPrinter()) {
                    new JsonView().write(g, a.diagnosis(), a.knowledge(), explain, a.probes());
                }
                out.println(text);
            } else {
                if (a.probes() != null) out.print(PlainText.probes(a.probes()));
                out.print(PlainText.render(a.diagnosis(), explain));
            }
            out.flush();
            return 0;
        } finally {
            if (prober != null) prober.close();
            rules.check();
        }
    }
}
