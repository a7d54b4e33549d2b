package triage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import triage.engine.LiveRulebook;
import triage.engine.Triage;
import triage.simulate.ConversationBot;
import triage.simulate.Profile;
import triage.simulate.Profiles;
import triage.simulate.Report;
import triage.simulate.Simulation;
import triage.simulate.Simulator;
import triage.simulate.Thresholds;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code simulate}: plays fault profiles against the bot as a simulated on-call engineer and scores it. */
@Command(name = "simulate",
        description = "Play fault profiles as a simulated on-call engineer; report right and concluded, questions, calibration.")
public final class SimulateCommand extends RunbooksCommand {
    /** Which question chooser to play. */
    enum Orders {
        engine(Simulation.Order.ENGINE), fixed(Simulation.Order.FIXED), both(Simulation.Order.ENGINE, Simulation.Order.FIXED);

        final List<Simulation.Order> orders;

        Orders(Simulation.Order... orders) { this.orders = List.of(orders); }
    }

    @Option(names = "--faults", arity = "1..*", paramLabel = "FILE", split = ",",
            defaultValue = "eval/faults/dev.yaml,eval/faults/dev2.yaml,eval/faults/dev3.yaml,eval/faults/dev4.yaml,eval/faults/dev5.yaml,eval/faults/dev6.yaml",
            description = "Fault profile files (default: eval/faults/dev.yaml, dev2.yaml, dev3.yaml, dev4.yaml, dev5.yaml and dev6.yaml).")
    List<Path> faults;

    @Option(names = "--wrong", defaultValue = "0", paramLabel = "P", description = "Chance that a yes/no answer is wrong (default 0).")
    double wrong;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the first run (default 1).")
    long seed;

    @Option(names = "--runs", defaultValue = "5", description = "Runs to average over when --wrong > 0 (default 5).")
    int runs;

    @Option(names = "--max-questions", defaultValue = "12", description = "Questions answered at most per conversation (default 12).")
    int maxQuestions;

    @Option(names = "--order", defaultValue = "both", description = "engine, fixed or both (default both).")
    Orders order;

    @Option(names = "--json", description = "Print the report as JSON, with transcripts.")
    boolean json;

    @Option(names = "--verbose", description = "Also print every conversation.")
    boolean verbose;

    @ArgGroup(validate = false, heading = "%nTargets (exit 1 if one is not met):%n")
    Targets targets = new Targets();

    /** The gates CI sets, one a line as {@link Thresholds} lists them: a run that misses one fails. */
    static final class Targets {
        @Option(names = "--min-right", paramLabel = "N", description = "Fail unless at least N faults end right and concluded (engine order).") Double minRight;
        @Option(names = "--min-right-rate", paramLabel = "X", description = "Fail unless that share of faults ends right and concluded.") Double minRightRate;
        @Option(names = "--max-ece", paramLabel = "X", description = "Fail if the expected calibration error is above X.") Double maxEce;
        @Option(names = "--max-brier", paramLabel = "X", description = "Fail if the Brier score is above X.") Double maxBrier;
        @Option(names = "--max-question-ratio", paramLabel = "X", description = "Fail if mean questions, engine over fixed order, is above X.") Double maxQuestionRatio;

        Thresholds thresholds() { return new Thresholds(minRight, minRightRate, maxEce, maxBrier, maxQuestionRatio); }
    }

    @Override public Integer call() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        Simulator.Options options = new Simulator.Options(wrong, seed, runs, maxQuestions, order.orders);
        List<Profile> profiles = Profiles.read(faults);
        LiveRulebook rules = Sources.openUnchecked(sources.config(), err);
        if (rules == null) return 1;
        for (Profile p : profiles) {
            if (!rules.current().knowledge().runbooks().containsKey(p.stack())) {
                err.println("triage: fault " + p.id() + ": stack '" + p.stack() + "' is no runbook of " + sources.rules);
                return 2;
            }
        }
        Report report = new Simulator(new ConversationBot(new Triage(rules)), ConversationBot.fixedOrder(rules.current()), maxQuestions)
                .run(profiles, options);
        if (json) out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.json(true)));
        else report.print(out, verbose);
        List<String> unmet = targets.thresholds().unmet(report);
        for (String u : unmet) err.println("triage: target not met: " + u);
        out.flush();
        err.flush();
        return unmet.isEmpty() ? 0 : 1;
    }
}
