package triage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import triage.app.Config;
import triage.engine.Lint;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code lint [DIR]}: the runbooks' test runner; non-zero exit on any problem. */
@Command(name = "lint", description = "Compile the runbooks, run their scenarios, and check rules against knowledge.")
public final class LintCommand extends RunbooksCommand {
    @Parameters(arity = "0..1", paramLabel = "DIR",
            description = "A rules directory, or a directory holding rules/ and knowledge/.")
    Path dir;

    @Option(names = "--json", description = "Print the findings as JSON.")
    boolean json;

    @Mixin LintRun lint;

    @Override public Integer call() throws Exception {
        Config config = sources.config();
        Path rules = config.rules(), knowledge = config.knowledge();
        if (dir != null) {
            if (Files.isDirectory(dir.resolve("rules"))) {
                rules = dir.resolve("rules");
                if (Files.isDirectory(dir.resolve("knowledge"))) knowledge = dir.resolve("knowledge");
            } else {
                rules = dir;
                Path sibling = dir.toAbsolutePath().getParent() == null ? null : dir.toAbsolutePath().getParent().resolve("knowledge");
                if (sibling != null && Files.isDirectory(sibling) && !Files.isDirectory(knowledge)) knowledge = sibling;
            }
        }
        Lint.Report report = lint.run(config, rules, knowledge);
        PrintWriter out = out();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(LintView.of(report)));
        } else {
            report.problems().forEach(out::println);
            out.println(report.ok()
                    ? "ok: " + report.rules() + " rules, " + report.scenarios() + " scenarios pass"
                    : report.problems().size() + " problem(s); " + report.rules() + " rules, " + report.scenarios() + " scenarios");
        }
        out.flush();
        return report.ok() ? 0 : 1;
    }
}
