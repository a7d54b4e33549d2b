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
 *
 * <p>A child checks one set and ends. With {@code keepSpare} (a service that reloads), the next
 * child is started as soon as one ends and warms up on the last set that passed, so a reload after
 * an edit does not wait for a JVM to start and its code to compile; {@link #close()} ends it.
 */
final class ChildScenarioCheck implements ScenarioCheck {
    private static final Logger log = LoggerFactory.getLogger(ChildScenarioCheck.class);
    private static final String EOF = "\u0000eof";
    /** Beyond a scenario's deadline, for the child to report it stuck before it is killed. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Path cacheDir;
    private final Duration perScenario;
    private final Duration startup;
    private final boolean keepSpare;
    private final ObjectMapper json = new ObjectMapper();
    private volatile long lastPid = -1;
    /** The next child, started and warming up; null when none (guarded by this). */
    private Child spare;
    /** The directories and revision of the last set that passed, for a spare to warm up on (guarded by this). */
    private List<String> warm;
    private boolean closed;

    /** A started child: its process and what it has printed so far. */
    private record Child(Process process, BlockingQueue<String> lines, Deque<String> errors, Thread out, Thread err) {}

    /**
     * @param cacheDir    the compiled-rules cache the child reads the parent's entry from; null for none
     * @param perScenario how long one scenario may run
     * @param startup     how long the child may take to start and compile the set
     */
    ChildScenarioCheck(Path cacheDir, Duration perScenario, Duration startup, boolean keepSpare) {
        this.cacheDir = cacheDir;
        this.perScenario = perScenario;
        this.startup = startup;
        this.keepSpare = keepSpare;
    }

    @Override public boolean readsCache() { return cacheDir != null; }

    /** The pid of the last child that checked a set, -1 before any (tests check it is gone). */
    long lastPid() { return lastPid; }

    /** The pid of the spare child, -1 when there is none. */
    synchronized long sparePid() { return spare == null ? -1 : spare.process().pid(); }

    @Override public synchronized ScenarioRunner.Run run(Rulebook rb, Path rulesDir, Path knowledgeDir) {
        Child c = spare != null && spare.process().isAlive() ? spare : null;
        if (spare != null && c == null) end(spare);
        spare = null;
        if (c == null) {
            try {
                c = start(null);
            } catch (IOException | RuntimeException e) {
                log.warn("scenario checks run in this process: a child JVM could not start ({}); an action that never"
                        + " returns would leave a thread behind", e.toString());
                return ScenarioRunner.check(rb, perScenario);
            }
        }
        Process p = c.process();
        lastPid = p.pid();
        long t0 = System.nanoTime();
        ScenarioRunner.Run run;
        try (java.io.OutputStream in = p.getOutputStream()) {
            in.write((rulesDir.toAbsolutePath() + "\t" + knowledgeDir.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            log.debug("scenario check process {} did not take its request: {}", p.pid(), e.toString());
        }
        try {
            run = watch(p, rb, c.lines(), c.errors());
            log.debug("scenarios of {} checked in child JVM {} in {} ms", rb.revision(), p.pid(), (System.nanoTime() - t0) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run = failed("interrupted while the scenarios ran");
        } finally {
            end(c);
        }
        if (run.complete() && run.failures().isEmpty()) {
            warm = List.of(rulesDir.toAbsolutePath().toString(), knowledgeDir.toAbsolutePath().toString(), rb.revision());
        }
        if (keepSpare && !closed) {
            try {
                spare = start(warm);
            } catch (IOException | RuntimeException e) {
                log.debug("no spare scenario check process: {}", e.toString());
            }
        }
        return run;
    }

    /** Ends the spare child, if any; later checks start a child each and keep none. */
    @Override public synchronized void close() {
        closed = true;
        if (spare != null) end(spare);
        spare = null;
    }

    private Child start(List<String> warmUp) throws IOException {
        Process p = new ProcessBuilder(command(warmUp)).start();
        Deque<String> errors = new ArrayDeque<>();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread out = drain(p.getInputStream(), lines::add, () -> lines.add(EOF), "scenario-check-out-" + p.pid());
        Thread err = drain(p.getErrorStream(), line -> {
            synchronized (errors) {
                errors.addLast(line);
                if (errors.size() > 20) errors.removeFirst();
            }
        }, () -> { }, "scenario-check-err-" + p.pid());
        return new Child(p, lines, errors, out, err);
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

    private List<String> command(List<String> warmUp) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IOException("this JVM's command is not known"));
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isBlank()) throw new IOException("this JVM's class path is not known");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", classPath, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xshare:auto", "-Dfile.encoding=UTF-8", ScenarioChild.class.getName(),
                cacheDir == null ? "-" : cacheDir.toAbsolutePath().toString(), Long.toString(perScenario.toMillis())));
        if (warmUp != null) cmd.addAll(warmUp);
        return cmd;
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
    private static void end(Child c) {
        Process p = c.process();
        try {
            p.getOutputStream().close();  // a spare that is still waiting for a request ends at once
        } catch (IOException ignored) {
            // gone already
        }
        try {
            if (!p.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                p.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            c.out().join(GRACE.toMillis());
            c.err().join(GRACE.toMillis());
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
