package triage.engine;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The entry point of the child JVM that {@link ChildScenarioCheck} starts (not a command):
 * {@code ScenarioChild RULES_DIR KNOWLEDGE_DIR CACHE_DIR|- DEADLINE_MS} compiles the two
 * directories (from the cache when the parent has written the entry) and runs every scenario,
 * each under the deadline, reporting on stdout one JSON object a line:
 * {@code {"compiled": revision}} or {@code {"problems": [...]}}, then per scenario
 * {@code {"scenario": name}} before it runs and {@code {"checked": {...}}} after, then
 * {@code {"done": complete}}. A scenario stuck in an action is reported with the rule it is in, and
 * the process then halts, which ends the spinning thread with it. The parent holds the child's
 * stdin open while it waits; when it closes, or the parent ends (a stopped {@code serve}), the child
 * halts too, so no check outlives the process that asked for it.
 */
public final class ScenarioChild {
    private ScenarioChild() {}

    public static void main(String[] args) {
        PrintStream wire = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);  // whatever else prints (logs, a rule's println) stays off the answer
        Thread orphaned = new Thread(ScenarioChild::haltWhenParentGoes, "parent-watch");
        orphaned.setDaemon(true);
        orphaned.start();
        int code = 0;
        try {
            run(args, wire);
        } catch (Exception | Error e) {
            e.printStackTrace();
            code = 1;
        }
        wire.flush();
        Runtime.getRuntime().halt(code);
    }

    /** Reads stdin to its end, which comes when the parent closes it or ends, then halts. */
    private static void haltWhenParentGoes() {
        try {
            while (System.in.read() != -1) {
                // nothing is sent: the pipe only tells that the parent is there
            }
        } catch (java.io.IOException ignored) {
            // a broken pipe says the same
        }
        Runtime.getRuntime().halt(3);
    }

    private static void run(String[] args, PrintStream wire) throws Exception {
        if (args.length != 4) throw new IllegalArgumentException("usage: ScenarioChild RULES KNOWLEDGE CACHE|- DEADLINE_MS");
        ObjectMapper json = new ObjectMapper();
        RulebookCache cache = "-".equals(args[2]) ? RulebookCache.off() : RulebookCache.in(Path.of(args[2]));
        Duration deadline = Duration.ofMillis(Long.parseLong(args[3]));
        Rulebook rb;
        try {
            rb = new RulebookCompiler(cache).compile(Path.of(args[0]), Path.of(args[1])).rulebook();
        } catch (RulebookException e) {
            send(wire, json, Map.of("problems", e.problems().stream().map(Problem::toString).toList()));
            return;
        }
        send(wire, json, Map.of("compiled", rb.revision()));
        boolean complete = ScenarioRunner.runAll(rb, deadline,
                s -> send(wire, json, Map.of("scenario", s.name(), "file", s.file())),
                r -> send(wire, json, Map.of("checked", ScenarioRunner.checked(r))));
        send(wire, json, Map.of("done", complete));
    }

    private static void send(PrintStream wire, ObjectMapper json, Map<String, ?> message) {
        try {
            wire.println(json.writeValueAsString(message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
