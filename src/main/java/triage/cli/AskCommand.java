package triage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import triage.engine.LiveRulebook;
import triage.engine.Triage;
import triage.model.Diagnosis;
import triage.render.JsonView;
import triage.render.PlainText;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ask "..." ["..."]}: one diagnosis, for a person or (with --json) for a script. */
@Command(name = "ask", mixinStandardHelpOptions = true, description = "Diagnose what you see, once.")
public final class AskCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Sources sources;

    @Parameters(arity = "1..*", paramLabel = "OBSERVATION", description = "What you see, one sentence each.")
    List<String> observations;

    @Option(names = "--json", description = "Print the /api/diagnose response body.")
    boolean json;

    @Option(names = "--explain", description = "Also print what was understood and every rule that fired, in order.")
    boolean explain;

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String o : observations) {
            if (o.isBlank()) {
                err.println("triage: an observation is blank; say what you see, e.g. \"can't log in\"");
                return 2;
            }
        }
        LiveRulebook rules = sources.open(err);
        if (rules == null) return 1;
        Diagnosis d = new Triage(rules).diagnose(observations);
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(JsonView.of(d, explain)));
        } else {
            out.print(PlainText.render(d, explain));
        }
        out.flush();
        return 0;
    }
}
