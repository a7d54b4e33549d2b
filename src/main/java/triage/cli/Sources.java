package triage.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the runbooks live: flags, else TRIAGE_RULES / TRIAGE_KNOWLEDGE, else ./rules and ./knowledge. */
public final class Sources {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${env:TRIAGE_RULES:-rules}",
            description = "Directory of .drl runbooks (default: $TRIAGE_RULES or ./rules).")
    Path rules;

    @Option(names = "--knowledge", paramLabel = "DIR", defaultValue = "${env:TRIAGE_KNOWLEDGE:-knowledge}",
            description = "Knowledge directory (default: $TRIAGE_KNOWLEDGE or ./knowledge).")
    Path knowledge;
}
