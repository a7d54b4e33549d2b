package triage.alerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.Fixtures;
import triage.engine.Problem;
import triage.model.Observation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertMapTest {
    @Test
    void matchers_work_as_alertmanagers_anchored_and_missing_labels_are_empty() {
        Map<String, String> labels = Map.of("container", "mainstack-web-2", "job", "k8s");
        assertTrue(LabelMatcher.parse("container=~\"mainstack-web.*\"").matches(labels));
        assertFalse(LabelMatcher.parse("container=~\"web\"").matches(labels), "anchored at both ends");
        assertTrue(LabelMatcher.parse("job=\"k8s\"").matches(labels));
        assertTrue(LabelMatcher.parse("job != \"redis\"").matches(labels));
        assertTrue(LabelMatcher.parse("container!~\"worker.*\"").matches(labels));
        assertTrue(LabelMatcher.parse("namespace=\"\"").matches(labels), "a missing label matches as empty");
        assertTrue(LabelMatcher.parse("job=k8s").matches(labels), "unquoted values too");
        assertThrows(IllegalArgumentException.class, () -> LabelMatcher.parse("container=~\"(\""));
        assertThrows(IllegalArgumentException.class, () -> LabelMatcher.parse("container ~= \"x\""));
    }

    @Test
    void the_shipped_alerts_lint_clean_and_map_the_issue_examples() {
        AlertMap map = AlertMap.load(Fixtures.KNOWLEDGE);
        var k = Fixtures.shipped().knowledge();
        assertEquals(List.of(), map.lint(k));
        assertEquals(List.of("redis-healthy=false"), said(map.observations(Map.of("alertname", "RedisDown"), k)));
        assertEquals(List.of("stack-component-down=true"), said(map.observations(
                Map.of("alertname", "KubePodCrashLooping", "container", "mainstack-web"), k)));
        assertEquals(List.of(), said(map.observations(Map.of("alertname", "KubePodCrashLooping", "container", "grafana"), k)));
        assertEquals(List.of("login-works=false"), said(map.observations(
                Map.of("alertname", "BlackboxProbeFailed", "instance", "https://bo.example.com/login"), k)));
        assertEquals(List.of(), said(map.observations(Map.of("alertname", "PrinterOutOfToner"), k)));
        assertEquals(AlertMap.SOURCE, map.observations(Map.of("alertname", "RedisDown"), k).get(0).getSource());
    }

    @Test
    void lint_names_unknown_symptoms_dead_matchers_and_bad_syntax_at_their_lines(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("alerts.yaml"), """
                alerts:
                  - alert: RedisDown
                    observe:
                      redis-is-sad: false
                  - alert: KubePodCrashLooping
                    matchers: ['container=~"nothing-like-this.*"']
                    observe:
                      stack-component-down: true
                  - alert: Broken
                    matchers: ['container=~"("']
                    observe:
                      stack-component-down: true
                examples:
                  - {alertname: RedisDown}
                  - {alertname: KubePodCrashLooping, container: mainstack-web}
                """);
        List<String> problems = AlertMap.load(dir).lint(Fixtures.shipped().knowledge()).stream().map(Problem::toString).toList();
        String file = dir.resolve("alerts.yaml").toString();
        assertTrue(problems.contains(file + ":2: alert RedisDown: unknown symptom 'redis-is-sad' (not in symptoms.yaml)"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + ":5: alert KubePodCrashLooping") && p.contains("matches none of the example alerts")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + ":9: alert Broken") && p.contains("does not compile")), problems.toString());
        assertEquals(3, problems.size(), problems.toString());
    }

    @Test
    void lint_command_reports_alerts_yaml(@TempDir Path dir) throws Exception {
        Fixtures.copyRunbooks(dir);
        Path alerts = dir.resolve("knowledge/alerts.yaml");
        Files.writeString(alerts, Files.readString(alerts).replace("redis-healthy: false", "redis-healthy: maybe"));
        var out = new java.io.StringWriter();
        int code = triage.Main.commandLine("lint").setOut(new java.io.PrintWriter(out))
                .execute("lint", dir.toString());
        assertEquals(1, code, out.toString());
        assertTrue(out.toString().contains(alerts + ":11: alert RedisDown: observe.redis-healthy must be true (present) or false (absent)"),
                out.toString());
    }

    private static List<String> said(List<Observation> obs) {
        return obs.stream().map(o -> o.getSymptom() + "=" + o.isPresent()).toList();
    }
}
