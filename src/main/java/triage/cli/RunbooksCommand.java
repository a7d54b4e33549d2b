package triage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What every command shares: it reads the runbooks where {@link Sources} finds them, answers
 * {@code --help} and {@code --version}, and reports on the command line's out and err (not
 * System's, so a test that runs it sees what it says).
 */
@Command(mixinStandardHelpOptions = true)
abstract class RunbooksCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Sources sources;

    /** Where the command's answer goes. */
    PrintWriter out() { return spec.commandLine().getOut(); }

    /** Where a failure is said. */
    PrintWriter err() { return spec.commandLine().getErr(); }
}
