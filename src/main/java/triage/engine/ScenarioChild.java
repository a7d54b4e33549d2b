package triage.engine;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The entry point of the child JVM that {@link ChildScenarioCheck} starts (not a command):
 * {@code ScenarioChild CACHE_DIR|- DEADLINE_MS [WARM_RULES WARM_KNOWLEDGE WARM_REVISION]}. It first
 * warms up on the given set, if any (loads it and, only if it is still the revision that passed,
 * runs its scenarios, reporting nothing), so that a spare
 * child kept ready answers about as fast as the service would itself; then it reads one line
 * {@code RULES_DIR<TAB>KNOWLEDGE_DIR} from stdin, loads that set (from the cache entry the parent
 * has written) and runs every scenario, each under the deadline, reporting on stdout one JSON
 * object a line: {@code {"compiled": revision}} or {@code {"problems": [...]}}, then per scenario
 * {@code {"scenario": name, "file": file}} before it runs and {@code {"checked": {...}}} after,
 * then {@code {"done": complete}}. A scenario stuck in an action is reported with the rule it is
 * in, and the process then halts, which ends the spinning thread with it. End of stdin before a
 * request: it halts at once.
 */
public final class ScenarioChild {
    private ScenarioChild() {}

    public static void main(String[] args) {
        PrintStream wire = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);  // whatever else prints (logs, a rule's println) stays off the answer
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

    private static void run(String[] args, PrintStream wire) throws Exception {
        if (args.length != 2 && args.length != 5) {
            throw new IllegalArgumentException("usage: ScenarioChild CACHE|- DEADLINE_MS [WARM_RULES WARM_KNOWLEDGE WARM_REVISION]");
        }
        ObjectMapper json = new ObjectMapper();
        RulebookCache cache = "-".equals(args[0]) ? RulebookCache.off() : RulebookCache.in(Path.of(args[0]));
        Duration deadline = Duration.ofMillis(Long.parseLong(args[1]));
        if (args.length == 5) warmUp(cache, deadline, Path.of(args[2]), Path.of(args[3]), args[4]);
        String request = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (request == null) return;
        String[] dirs = request.split("\t", -1);
        if (dirs.length != 2) throw new IllegalArgumentException("expected RULES<TAB>KNOWLEDGE, got " + request);
        Rulebook rb;
        try {
            rb = new RulebookCompiler(cache).compile(Path.of(dirs[0]), Path.of(dirs[1])).rulebook();
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

    /**
     * Loads a set that passed and runs its scenarios, so the code the real run needs is loaded and
     * compiled; only while its files are still those that passed (they may have been edited since).
     */
    private static void warmUp(RulebookCache cache, Duration deadline, Path rules, Path knowledge, String revision) {
        try {
            Rulebook rb = new RulebookCompiler(cache).compile(rules, knowledge).rulebook();
            if (rb.revision().equals(revision)) ScenarioRunner.runAll(rb, deadline, s -> stopWhenAsked(), r -> { });
        } catch (Asked e) {
            // a request came: it goes first
        } catch (RulebookException | RuntimeException e) {
            System.err.println("warm-up skipped: " + e);
        }
    }

    /** Thrown to end the warm-up once a request is waiting on stdin. */
    private static final class Asked extends RuntimeException {
        Asked() { super(null, null, false, false); }
    }

    private static void stopWhenAsked() {
        try {
            if (System.in.available() > 0) throw new Asked();
        } catch (java.io.IOException e) {
            throw new Asked();
        }
    }

    private static void send(PrintStream wire, ObjectMapper json, Map<String, ?> message) {
        try {
            wire.println(json.writeValueAsString(message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
