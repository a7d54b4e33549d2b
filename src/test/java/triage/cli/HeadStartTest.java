package triage.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.app.Config;
import triage.engine.RulebookCompiler;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** serve and ask begin loading the runbooks the environment names before their command line is parsed. */
class HeadStartTest {
    @TempDir Path dir;

    @Test
    void a_command_reading_the_same_runbooks_takes_the_compiler_at_work_on_them_and_another_does_not() {
        HeadStart head = HeadStart.begin("ask", "can't log in");
        Config same = Config.read(Config.Flags.none());
        RulebookCompiler early = head.compilerFor(same);
        assertSame(early, head.compilerFor(same));
        Config elsewhere = Config.read(Config.Flags.none().withDirs(dir.resolve("rules"), dir.resolve("knowledge")));
        assertNotSame(early, head.compilerFor(elsewhere));
    }

    @Test
    void nothing_begins_for_other_commands_or_flags_that_move_the_runbooks_or_for_help() {
        Config same = Config.read(Config.Flags.none());
        for (String[] args : new String[][] {{"lint"}, {"serve", "--rules", "elsewhere"}, {"ask", "--knowledge=k", "x"},
                {"serve", "--help"}, {}}) {
            HeadStart head = HeadStart.begin(args);
            assertNotSame(head.compilerFor(same), head.compilerFor(same), String.join(" ", args));
        }
    }
}
