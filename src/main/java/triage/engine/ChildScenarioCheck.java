package triage.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a candidate set's scenarios in a child JVM ({@link ScenarioChild}: the same java binary
 * and class path as this one), where an action that never returns can be ended: the child names
 * the rule a stuck scenario is in and halts, and if it does not report within the scenario's
 * deadline and a grace it is destroyed by its pid. Either way the set is rejected and nothing of
 * it is left running here. Only when no child can be started do the scenarios run in this
 * process, said in a log line.
 */
final class ChildScenarioCheck implements ScenarioCheck {
    private static final Logger log = LoggerFactory.getLogger(ChildScenarioCheck.class);
    private static final String EOF = "\u0000eof";
    /** Beyond a scenario's deadline, for the child to report it stuck before it is killed. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Path cacheDir;
    private final Duration perScenario;
    private final Duration startup;
    /** Made on the first check, not with the compiler: building it on every start cost {@code ask} a tenth of its time. */
    private ObjectMapper json;
    private volatile long lastPid = -1;

    /**
     * @param cacheDir    the compiled-rules cache the child reads the parent's entry from; null for none
     * @param perScenario how long one scenario may run
     * @param startup     how long the child may take to start and compile the set
     */
    ChildScenarioCheck(Path cacheDir, Duration perScenario, Duration startup) {
        this.cacheDir = cacheDir;
        this.perScenario = perScenario;
        this.startup = startup;
    }

    @Override public boolean readsCache() { return cacheDir != null; }

    /** The pid of the last child started, -1 before any (tests check it is gone). */
    long lastPid() { return lastPid; }

    @Override public synchronized ScenarioRunner.Run run(Rulebook rb, Path rulesDir, Path knowledgeDir) {
        if (json == null) json = new ObjectMapper();
        Process p;
        try {
            p = new ProcessBuilder(command(rulesDir, knowledgeDir)).start();
        } catch (IOException | RuntimeException e) {
            log.warn("scenario checks run in this process: a child JVM could not start ({}); an action that never"
                    + " returns would leave a thread behind", e.toString());
            return ScenarioRunner.check(rb, perScenario);
        }
        lastPid = p.pid();
        long t0 = System.nanoTime();
        Deque<String> errors = new ArrayDeque<>();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread out = drain(p.getInputStream(), lines::add, () -> lines.add(EOF), "scenario-check-out-" + p.pid());
        Thread err = drain(p.getErrorStream(), line -> {
            synchronized (errors) {
                errors.addLast(line);
                if (errors.size() > 20) errors.removeFirst();
            }
        }, () -> { }, "scenario-check-err-" + p.pid());
        try {
            // stdin stays open while the child runs: it halts when it closes (end) or this process ends
            ScenarioRunner.Run run = watch(p, rb, lines, errors);
            log.debug("scenarios of {} checked in child JVM {} in {} ms", rb.revision(), p.pid(), (System.nanoTime() - t0) / 1_000_000);
            return run;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted while the scenarios ran");
        } finally {
            end(p, out, err);
        }
    }

    /** Reads the child's reports until it is done, ends, or overruns a deadline. */
    private ScenarioRunner.Run watch(Process p, Rulebook rb, BlockingQueue<String> lines, Deque<String> errors)
            throws InterruptedException {
        List<ScenarioRunner.Checked> results = new ArrayList<>();
        long deadline = System.nanoTime() + startup.toNanos();
        String revision = null;
        String scenario = null, file = null;
        while (true) {
            long wait = deadline - System.nanoTime();
            String line = wait > 0 ? lines.poll(wait, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                kill(p);
                String what = scenario == null ? "compiling the set" : "scenario '" + scenario + "'";
                log.warn("scenario check process {} overran while {}; destroyed", p.pid(), what);
                results.add(new ScenarioRunner.Checked(file, scenario, what + " did not finish within "
                        + (scenario == null ? startup : perScenario).toMillis() + " ms; its check process was destroyed", List.of()));
                return new ScenarioRunner.Run(results, false);
            }
            if (line.equals(EOF)) break;
            JsonNode n = parse(line);
            if (n == null) continue;
            if (n.has("problems")) {
                List<String> problems = new ArrayList<>();
                n.get("problems").forEach(x -> problems.add(x.asText()));
                return failed("the set did not compile in the check process: " + problems);
            } else if (n.has("compiled")) {
                revision = n.get("compiled").asText();
                if (!revision.equals(rb.revision())) {
                    return failed("the files changed while their scenarios were checked (" + rb.revision() + " compiled, "
                            + revision + " checked); a later reload checks them again");
                }
            } else if (n.has("scenario")) {
                scenario = n.get("scenario").asText();
                file = n.path("file").asText(null);
                deadline = System.nanoTime() + perScenario.plus(GRACE).toNanos();
            } else if (n.has("checked")) {
                results.add(checked(n.get("checked")));
                scenario = null;
            } else if (n.has("done")) {
                return new ScenarioRunner.Run(results, revision != null && n.get("done").asBoolean());
            }
        }
        int code = p.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS) ? p.exitValue() : -1;
        String tail;
        synchronized (errors) {
            tail = String.join("\n", errors);
        }
        log.warn("scenario check process {} ended (exit {}) before it finished: {}", p.pid(), code, tail);
        results.add(new ScenarioRunner.Checked(file, scenario, "the scenario check process ended (exit " + code + ") before it finished"
                + (scenario == null ? "" : ", in scenario '" + scenario + "'"), List.of()));
        return new ScenarioRunner.Run(results, false);
    }

    private List<String> command(Path rulesDir, Path knowledgeDir) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IOException("this JVM's command is not known"));
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isBlank()) throw new IOException("this JVM's class path is not known");
        return List.of(java, "-cp", classPath, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Dfile.encoding=UTF-8", ScenarioChild.class.getName(),
                rulesDir.toAbsolutePath().toString(), knowledgeDir.toAbsolutePath().toString(),
                cacheDir == null ? "-" : cacheDir.toAbsolutePath().toString(), Long.toString(perScenario.toMillis()));
    }

    private JsonNode parse(String line) {
        try {
            return line.startsWith("{") ? json.readTree(line) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static ScenarioRunner.Checked checked(JsonNode n) {
        List<String> fired = new ArrayList<>();
        n.path("fired").forEach(x -> fired.add(x.asText()));
        JsonNode failure = n.get("failure");
        return new ScenarioRunner.Checked(n.path("file").asText(null), n.path("name").asText(null),
                failure == null || failure.isNull() ? null : failure.asText(), fired);
    }

    private static ScenarioRunner.Run failed(String why) {
        return new ScenarioRunner.Run(List.of(new ScenarioRunner.Checked(null, null, why, List.of())), false);
    }

    private static void kill(Process p) {
        ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** The child is gone (it halts itself once done; destroyed if not) and its readers have ended. */
    private static void end(Process p, Thread out, Thread err) {
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // the child is gone already
        }
        try {
            if (!p.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                p.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            out.join(GRACE.toMillis());
            err.join(GRACE.toMillis());
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
        }
    }

    private static Thread drain(InputStream in, Consumer<String> line, Runnable atEnd, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) line.accept(l);
            } catch (IOException ignored) {
                // the child is gone
            } finally {
                atEnd.run();
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
