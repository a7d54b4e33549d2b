package triage.engine;

import triage.knowledge.Knowledge;
import triage.knowledge.KnowledgeException;
import triage.knowledge.KnowledgeLoader;
import triage.language.Interpreter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a rules directory and a knowledge directory into a {@link Rulebook}, or into the list of
 * what is wrong with them ({@link RulebookException#problems()}, each at file:line): the rules
 * compile, every symptom and component they name is defined, no action does what a runbook may
 * not ({@link ActionCheck}: exit, threads, files, sockets, reflection, endless loops), the language layer builds.
 *
 * <p>Compiled rules, the knowledge as read and scenario results are kept in the {@link RulebookCache}
 * it is given, keyed by the content of every input file: an unchanged set loads without compiling
 * and without reading its YAML. Writing a new
 * entry takes a while, so {@link #compile(Path, Path)} leaves it to {@link #store(Compiled)}:
 * a reload swaps the new set in first, and {@code ask} answers first.
 */
public final class RulebookCompiler {
    private static final Pattern FILE_LINE = Pattern.compile("^(.*?):(\\d+)(?::(\\d+))?: (.*)$", Pattern.DOTALL);

    /** How long a child JVM may take to start and compile a set before its check is given up. */
    private static final Duration CHILD_STARTUP = Duration.ofMinutes(2);

    private final RulebookCache cache;
    private final ScenarioCheck scenarios;
    /** A compile begun ahead of need ({@link #startEarly}), taken by the next compile of the same directories. */
    private final java.util.concurrent.atomic.AtomicReference<Early> early = new java.util.concurrent.atomic.AtomicReference<>();

    private record Early(Path rulesDir, Path knowledgeDir, FutureTask<Compiled> task) {}

    /** A compiler whose scenario checks run in this process ({@link ScenarioCheck#inProcess}). */
    public RulebookCompiler(RulebookCache cache) {
        this(cache, ScenarioCheck.inProcess(ScenarioRunner.DEADLINE));
    }

    public RulebookCompiler(RulebookCache cache, ScenarioCheck scenarios) {
        this.cache = Objects.requireNonNull(cache);
        this.scenarios = Objects.requireNonNull(scenarios);
    }

    /**
     * A compiler for what serves or is published: a candidate set's scenarios run in a child JVM
     * ({@link ChildScenarioCheck}) that is destroyed when one of them runs past {@code perScenario}.
     */
    public static RulebookCompiler isolated(RulebookCache cache, Duration perScenario) {
        return new RulebookCompiler(cache, new ChildScenarioCheck(cache.dir(), perScenario, CHILD_STARTUP));
    }

    ScenarioCheck scenarioCheck() { return scenarios; }

    /**
     * A compiled set, with the directories it was read from, its cache key (null when not cached)
     * and the entry still to write (null when none).
     */
    record Compiled(Rulebook rulebook, Path rulesDir, Path knowledgeDir, String key, RulebookCache.Entry fresh) {}

    /** Compiles (or takes from the cache) and cross-checks a set, writing its cache entry at once. */
    public Rulebook load(Path rulesDir, Path knowledgeDir) throws RulebookException {
        Compiled c = compile(rulesDir, knowledgeDir);
        store(c);
        return c.rulebook();
    }

    /**
     * Begins compiling a set on a thread of its own, while the caller does something else (a
     * command line is parsed); the next {@link #compile} of the same directories takes the result,
     * or the problems, as its own. Does nothing when a compile was begun already.
     */
    public void startEarly(Path rulesDir, Path knowledgeDir) {
        FutureTask<Compiled> task = new FutureTask<>(() -> compileNow(rulesDir, knowledgeDir));
        if (!early.compareAndSet(null, new Early(rulesDir, knowledgeDir, task))) return;
        Thread t = new Thread(task, "rulebook-early");
        t.setDaemon(true);
        t.start();
    }

    /** Compiles (or takes from the cache) and cross-checks a set; its new cache entry waits for {@link #store}. */
    Compiled compile(Path rulesDir, Path knowledgeDir) throws RulebookException {
        Early begun = early.getAndSet(null);
        if (begun != null && begun.rulesDir().equals(rulesDir) && begun.knowledgeDir().equals(knowledgeDir)) {
            return join(begun.task());
        }
        return compileNow(rulesDir, knowledgeDir);
    }

    private Compiled compileNow(Path rulesDir, Path knowledgeDir) throws RulebookException {
        // The rules compile (or come from the cache) on a thread of their own while the knowledge
        // and the language layer load here: on two cores the two halves of a cold start overlap.
        // An unchanged set's knowledge comes from the cache entry too (read before its packages), so
        // YAML is read only after an edit.
        CompletableFuture<Knowledge> cachedKnowledge = new CompletableFuture<>();
        FutureTask<DrlCompiler.Result> rulesPart = new FutureTask<>(() -> {
            try {
                return DrlCompiler.compile(rulesDir, knowledgeDir, cache, cachedKnowledge);
            } finally {
                cachedKnowledge.complete(null);  // it failed before the cache was asked
            }
        });
        Thread t = new Thread(rulesPart, "rulebook-compile");
        t.setDaemon(true);
        t.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        t.start();

        Knowledge knowledge = cachedKnowledge.join();
        if (knowledge == null) {
            try {
                knowledge = new KnowledgeLoader().load(knowledgeDir);
            } catch (KnowledgeException e) {
                throw new RulebookException(e.problems().stream().map(RulebookCompiler::problemOf).toList());
            }
        }
        Interpreter interpreter;
        try {
            interpreter = new Interpreter(knowledge);
        } catch (IllegalArgumentException e) {
            String file = knowledgeDir.resolve("symptoms.yaml").toString();
            throw new RulebookException(e.getMessage().lines().map(m -> new Problem(file, 0, 0, m)).toList());
        }
        DrlCompiler.Result compiled = join(rulesPart);
        List<Problem> problems = new ArrayList<>(compiled.problems());
        problems.addAll(undefined(compiled.rules(), knowledge));
        // a cached set passed this check when it was compiled: an entry is written only for a set
        // without problems, and its key covers every rule's text and the code that checked it
        if (!compiled.fromCache()) for (RuleInfo r : compiled.rules().values()) problems.addAll(ActionCheck.check(r));
        if (!problems.isEmpty()) throw new RulebookException(problems);
        if (compiled.knowledgeProblem() != null) throw new RulebookException(List.of(compiled.knowledgeProblem()));
        Rulebook rb = new Rulebook(compiled.base(), knowledge, interpreter, compiled.rules(), compiled.revision(),
                compiled.fromCache());
        RulebookCache.Entry fresh = compiled.fresh() == null ? null
                : new RulebookCache.Entry(knowledge, compiled.fresh().packages(), compiled.fresh().rules());
        return new Compiled(rb, rulesDir, knowledgeDir, compiled.key(), fresh);
    }

    /** Writes a compiled set's new cache entry, if it has one. Safe to call more than once. */
    void store(Compiled c) {
        if (c.key() != null && c.fresh() != null) cache.write(c.key(), c.fresh());
    }

    /** The scenarios' failures, run once per set of rules, knowledge and code and then kept in the cache. */
    List<String> scenarioFailures(Compiled c) {
        List<String> known = c.key() == null ? null : cache.scenarioFailures(c.key());
        if (known != null) return known;
        return scenarios(c).failures();
    }

    /**
     * Runs every scenario of a compiled set where its {@link ScenarioCheck} says, writing the set's
     * cache entry first when the check reads it (a child then loads the set rather than compiling
     * it again) and the failures of a complete run after (an unchanged set is not checked again).
     */
    ScenarioRunner.Run scenarios(Compiled c) {
        if (scenarios.readsCache()) store(c);
        ScenarioRunner.Run run = scenarios.run(c.rulebook(), c.rulesDir(), c.knowledgeDir());
        if (c.key() != null && run.complete()) cache.writeScenarioFailures(c.key(), run.failures());
        return run;
    }

    /** Symptoms and components that rules name but the knowledge does not define. */
    private static List<Problem> undefined(Map<String, RuleInfo> rules, Knowledge knowledge) {
        List<Problem> problems = new ArrayList<>();
        for (RuleInfo r : rules.values()) {
            Set<String> used = new LinkedHashSet<>(r.reads());
            used.addAll(r.infers());
            for (String s : used) {
                if (!knowledge.symptoms().containsKey(s)) {
                    problems.add(new Problem(r.ref().file(), r.ref().line(), 0, "rule '" + r.name()
                            + "' uses symptom '" + s + "', which knowledge/symptoms.yaml does not define"));
                }
            }
            for (String c : r.concludes()) {
                if (!knowledge.components().containsKey(c)) {
                    problems.add(new Problem(r.ref().file(), r.ref().line(), 0, "rule '" + r.name()
                            + "' concludes on component '" + c + "', which knowledge/components.yaml does not define"));
                }
            }
        }
        return problems;
    }

    private static <T> T join(FutureTask<T> task) throws RulebookException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling the rules", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RulebookException r) throw r;
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    private static Problem problemOf(String text) {
        Matcher m = FILE_LINE.matcher(text);
        if (m.matches()) {
            return new Problem(m.group(1), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), m.group(4));
        }
        int colon = text.indexOf(": ");
        return colon > 0 ? new Problem(text.substring(0, colon), 0, 0, text.substring(colon + 2)) : new Problem(null, 0, 0, text);
    }
}
