package triage.rollout;

import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.engine.Lint;
import triage.engine.LiveRulebook;
import triage.engine.Rulebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunbookSetTest {
    @Test
    void a_published_set_written_back_out_has_the_revision_lint_gave_it() throws Exception {
        Lint.Report report = Lint.run(Fixtures.compiler(), Path.of("rules"), Path.of("knowledge"));
        assertTrue(report.ok(), report.problems().toString());
        RunbookSet set = RunbookSet.read(Path.of("rules"), Path.of("knowledge"), report.revision());
        assertTrue(set.files().containsKey("rules/placeos.drl"), set.files().keySet().toString());
        assertTrue(set.files().keySet().stream().anyMatch(f -> f.startsWith("knowledge/scenarios/")), set.files().keySet().toString());
        RunbookSet back = RunbookSet.fromJson(set.toJson());
        assertEquals(set, back);
        LiveRulebook.Source dir = back.materialise("etcd");
        try {
            assertEquals(report.revision(), Fixtures.load(dir.rulesDir(), dir.knowledgeDir()).revision());
        } finally {
            RunbookSet.delete(dir);
        }
        assertFalse(Files.exists(dir.rulesDir().getParent()));
    }

    @Test
    void a_set_cannot_name_files_outside_its_directory() {
        assertThrows(IllegalArgumentException.class, () -> new RunbookSet("r", null, Map.of("rules/../../etc/x.drl", "")));
        assertThrows(IllegalArgumentException.class, () -> new RunbookSet("r", null, Map.of("/etc/passwd", "")));
    }

    @Test
    void endpoints_are_checked_where_they_enter() {
        Etcd e = Etcd.parse(" http://127.0.0.1:2379, 10.0.0.2:2379 ", "/x", Duration.ofSeconds(1));
        assertEquals(2, e.endpoints().size());
        assertEquals("/x/", e.prefix());
        assertEquals(Etcd.DEFAULT_PREFIX, Etcd.parse("http://127.0.0.1:2379", "", Duration.ofSeconds(1)).prefix());
        assertThrows(IllegalArgumentException.class, () -> Etcd.parse("http://nohost", null, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> Etcd.parse(" , ", null, Duration.ofSeconds(1)));
    }
}
