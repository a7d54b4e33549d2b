package triage.cli;

import picocli.CommandLine.Option;
import triage.alerts.AlertMap;
import triage.app.App;
import triage.app.Config;
import triage.engine.Lint;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@code lint} and {@code publish} judge a set of runbooks: the same compile, scenarios (each
 * within {@code --scenario-timeout}) and alert-map check, so what {@code lint} passes is what
 * {@code publish} writes. A picocli mixin: the option is declared once.
 */
public final class LintRun {
    @Option(names = "--scenario-timeout", paramLabel = "MS", defaultValue = "30000",
            description = "How long one scenario may run before the set is rejected naming the rule it is stuck in (default: 30000).")
    long scenarioMillis;

    /** Lints the runbooks in {@code rules} and {@code knowledge}, with the cache {@code config} names. */
    Lint.Report run(Config config, Path rules, Path knowledge) {
        Lint.Report report = Lint.run(App.compiler(config, Duration.ofMillis(scenarioMillis)), rules, knowledge);
        return AlertMap.withAlerts(report, knowledge);
    }
}
