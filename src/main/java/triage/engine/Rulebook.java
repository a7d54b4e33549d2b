package triage.engine;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DroolsParserException;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;
import org.kie.api.KieBase;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import triage.knowledge.Knowledge;
import triage.knowledge.KnowledgeException;
import triage.knowledge.KnowledgeLoader;
import triage.knowledge.RunbookFiles;
import triage.language.Interpretation;
import triage.language.Interpreter;
import triage.language.Reading;
import triage.util.Digests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One compiled, validated set of runbooks: the Drools rule base, the knowledge it reads, the
 * language layer built from that knowledge, and an index of every rule. Immutable: a reload
 * builds a new one and swaps it in whole.
 */
public final class Rulebook {
    private static final Pattern LINE_COL = Pattern.compile("\\[?[Ll]ine\\s+(\\d+):(\\d+)");

    private final KieBase kieBase;
    private final Knowledge knowledge;
    private final Interpreter interpreter;
    private final Map<String, RuleInfo> rules;
    private final Map<String, Set<String>> symptomsByComponent;
    private final String revision;
    private final Instant loadedAt;
    /** Where this set's compiled rules (and its scenario results) are cached, under which key; key null when not. */
    private final RulebookCache cache;
    private final String cacheKey;
    private final boolean fromCache;
    private RulebookCache.Entry unsaved;
    /** Bounds of the memos: a few MiB at most, whatever is sent. */
    private static final int MEMO_ENTRIES = 4096;
    private static final int MEMO_TEXT = 500;
    private final Memo<Diagnoser.Outcome.Key, Diagnoser.Outcome> outcomes = new Memo<>(MEMO_ENTRIES);
    private final Memo<String, Interpretation> sentences = new Memo<>(MEMO_ENTRIES);
    /** A rule that may read an observation's words: then the words are part of what a diagnosis follows from. */
    private static final Pattern READS_TEXT = Pattern.compile("\\btext\\b|getText");
    private final boolean rulesReadText;
    /** Worked out once rather than for every diagnosis. */
    private final Map<String, Integer> componentOrder;
    private final Map<String, Integer> treeIndex;

    private Rulebook(KieBase kieBase, Knowledge knowledge, Interpreter interpreter, Map<String, RuleInfo> rules,
                     String revision, RulebookCache cache, String cacheKey, boolean fromCache) {
        this.fromCache = fromCache;
        this.cache = cache;
        this.cacheKey = cacheKey;
        this.kieBase = kieBase;
        this.knowledge = knowledge;
        this.interpreter = interpreter;
        this.rules = Collections.unmodifiableMap(rules);
        this.revision = revision;
        this.loadedAt = Instant.now();
        Map<String, Set<String>> by = new LinkedHashMap<>();
        for (RuleInfo r : rules.values()) {
            for (String c : r.concludes()) by.computeIfAbsent(c, k -> new LinkedHashSet<>()).addAll(r.reads());
        }
        this.symptomsByComponent = Collections.unmodifiableMap(by);
        this.rulesReadText = rules.values().stream().anyMatch(r -> READS_TEXT.matcher(r.text()).find());
        Map<String, Integer> order = new HashMap<>();
        for (String id : knowledge.components().keySet()) order.putIfAbsent(id, order.size());
        this.componentOrder = order;
        this.treeIndex = Collections.unmodifiableMap(Diagnoser.treeIndex(knowledge));
    }

    public KieBase kieBase() { return kieBase; }
    public Knowledge knowledge() { return knowledge; }
    public Interpreter interpreter() { return interpreter; }
    public Map<String, RuleInfo> rules() { return rules; }
    public String revision() { return revision; }
    public Instant loadedAt() { return loadedAt; }

    boolean rulesReadText() { return rulesReadText; }

    /** A component's place in components.yaml, which breaks ties between causes; unknown ones last. */
    int componentOrder(String component) { return componentOrder.getOrDefault(component, Integer.MAX_VALUE); }

    Map<String, Integer> treeIndex() { return treeIndex; }

    /**
     * Writes this set's compiled rules to the cache if they were compiled and are not there yet.
     * Serializing takes a while: a reload swaps the new set in first.
     */
    void save() {
        RulebookCache.Entry e;
        synchronized (this) {
            e = unsaved;
            unsaved = null;
        }
        if (e != null && cacheKey != null) cache.write(cacheKey, e);
    }

    /** Whether the compiled rules came from the cache rather than the compiler. */
    boolean fromCache() { return fromCache; }

    /** Diagnoses already made on this rule book, by what was observed (see {@link Diagnoser#remembered}). */
    Memo<Diagnoser.Outcome.Key, Diagnoser.Outcome> outcomes() { return outcomes; }

    /**
     * What {@code texts} say, as {@link Interpreter#read(List)} reads them; each text is read once
     * and remembered (a text is read on its own, so a batch is its texts' readings in order).
     */
    public Interpretation read(List<String> texts) {
        List<Reading> readings = new ArrayList<>();
        List<String> unrecognized = new ArrayList<>();
        Set<String> runbooks = new LinkedHashSet<>();
        for (String text : texts) {
            Interpretation one = sentences.get(text);
            if (one == null) {
                Interpretation r = interpreter.read(List.of(text));
                one = new Interpretation(List.copyOf(r.readings()), List.copyOf(r.unrecognized()),
                        Collections.unmodifiableSet(new LinkedHashSet<>(r.runbooks())));
                if (text.length() <= MEMO_TEXT) sentences.put(text, one);
            }
            readings.addAll(one.readings());
            unrecognized.addAll(one.unrecognized());
            runbooks.addAll(one.runbooks());
        }
        return new Interpretation(readings, unrecognized, runbooks);
    }

    /** The scenarios' failures, run once per set of rules, knowledge and code and then kept in the cache. */
    List<String> scenarioFailures() {
        List<String> known = cacheKey == null ? null : cache.scenarioFailures(cacheKey);
        if (known != null) return known;
        List<String> failures = ScenarioRunner.failures(this);
        if (cacheKey != null) cache.writeScenarioFailures(cacheKey, failures);
        return failures;
    }

    /** Symptoms that rules about {@code component} read: the questions that can move it. */
    public Set<String> symptomsAbout(String component) {
        return symptomsByComponent.getOrDefault(component, Set.of());
    }

    /**
     * Reads, compiles and cross-checks a rules directory against a knowledge directory, reusing
     * the compiled rules from the environment's {@link RulebookCache} when nothing changed.
     */
    public static Rulebook load(Path rulesDir, Path knowledgeDir) throws RulebookException {
        return load(rulesDir, knowledgeDir, RulebookCache.fromEnvironment());
    }

    /** As {@link #load(Path, Path)}, with compiled rules kept in (and taken from) {@code cache}. */
    public static Rulebook load(Path rulesDir, Path knowledgeDir, RulebookCache cache) throws RulebookException {
        Rulebook rb = loadUnsaved(rulesDir, knowledgeDir, cache);
        rb.save();
        return rb;
    }

    /** As {@link #load(Path, Path, RulebookCache)}, leaving a new cache entry to {@link #save()}: a reload swaps first. */
    static Rulebook loadUnsaved(Path rulesDir, Path knowledgeDir, RulebookCache cache) throws RulebookException {
        // The rules compile (or come from the cache) on a thread of their own while the knowledge
        // and the language layer load here: on two cores the two halves of a cold start overlap.
        FutureTask<Compiled> rulesPart = new FutureTask<>(() -> compile(rulesDir, knowledgeDir, cache));
        Thread t = new Thread(rulesPart, "rulebook-compile");
        t.setDaemon(true);
        t.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        t.start();

        Knowledge knowledge;
        try {
            knowledge = new KnowledgeLoader().load(knowledgeDir);
        } catch (KnowledgeException e) {
            throw new RulebookException(e.problems().stream().map(Rulebook::problemOf).toList());
        }
        Interpreter interpreter;
        try {
            interpreter = new Interpreter(knowledge);
        } catch (IllegalArgumentException e) {
            String file = knowledgeDir.resolve("symptoms.yaml").toString();
            throw new RulebookException(e.getMessage().lines().map(m -> new Problem(file, 0, 0, m)).toList());
        }
        Compiled compiled = join(rulesPart);
        List<Problem> problems = new ArrayList<>(compiled.problems());
        Map<String, RuleInfo> rules = compiled.rules();
        for (RuleInfo r : rules.values()) {
            for (String s : union(r.reads(), r.infers())) {
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
        if (!problems.isEmpty()) throw new RulebookException(problems);
        if (compiled.knowledgeProblem() != null) throw new RulebookException(List.of(compiled.knowledgeProblem()));
        Rulebook rb = new Rulebook(compiled.base(), knowledge, interpreter, rules, compiled.revision(), cache, compiled.key(),
                compiled.fromCache());
        rb.unsaved = compiled.unsaved();
        return rb;
    }

    /** The rules half of a load: compiled (or cached) packages, the rule index, the revision. */
    private record Compiled(List<Problem> problems, Map<String, RuleInfo> rules, KieBase base, String revision,
                            String key, Problem knowledgeProblem, boolean fromCache, RulebookCache.Entry unsaved) {}

    private static Compiled join(FutureTask<Compiled> task) throws RulebookException {
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

    private static Compiled compile(Path rulesDir, Path knowledgeDir, RulebookCache cache) throws RulebookException {
        List<Path> files = drlFiles(rulesDir);
        List<Problem> problems = new ArrayList<>();
        MessageDigest digest = Digests.sha256();
        Map<Path, String> texts = new LinkedHashMap<>();
        Map<Path, byte[]> inputs = new LinkedHashMap<>();
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(new Problem(f.toString(), 0, 0, "cannot read: " + e.getMessage()));
                continue;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            texts.put(f, text);
            inputs.put(f, bytes);
        }
        Problem knowledgeProblem = null;
        Map<Path, byte[]> knowledgeBytes = new LinkedHashMap<>();
        for (Path f : knowledgeFiles(knowledgeDir)) {
            try {
                knowledgeBytes.put(f, Files.readAllBytes(f));
            } catch (IOException e) {
                knowledgeProblem = new Problem(f.toString(), 0, 0, "cannot read: " + e.getMessage());
                break;
            }
        }
        inputs.putAll(knowledgeBytes);
        String key = cache.enabled() && problems.isEmpty() && knowledgeProblem == null ? RulebookCache.key(inputs) : null;
        RulebookCache.Entry cached = key == null ? null : cache.read(key);

        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        Collection<KiePackage> packages;
        RulebookCache.Entry unsaved = null;
        if (cached != null) {
            for (RuleInfo r : cached.rules()) rules.put(r.name(), r);
            packages = cached.packages();
        } else {
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
            for (Map.Entry<Path, String> e : texts.entrySet()) {
                Path f = e.getKey();
                String text = e.getValue();
                String runbook = f.getFileName().toString().replaceFirst("\\.drl$", "");
                Resource res = ResourceFactory.newByteArrayResource(inputs.get(f));
                res.setSourcePath(f.toString());
                res.setResourceType(ResourceType.DRL);
                int before = builder.getErrors().size();
                // parsed once: for the 'in' rewrite and for the rule index
                PackageDescr parsed = IndexedAlternatives.parse(text);
                if (parsed != null && IndexedAlternatives.rewrite(parsed) > 0) {
                    parsed.setResource(res);
                    builder.add(ResourceFactory.newDescrResource(parsed), ResourceType.DESCR);
                } else {
                    builder.add(res, ResourceType.DRL);
                }
                List<Problem> own = new ArrayList<>();
                int i = 0;
                for (KnowledgeBuilderError err : builder.getErrors()) {
                    if (i++ < before) continue;
                    own.add(problemOf(f.toString(), err));
                }
                // a syntax error is followed by a line-0 "Parser returned a null Package": noise
                if (own.size() > 1) own.removeIf(p -> p.line() == 0 && p.message().contains("null Package"));
                problems.addAll(own);
                if (!own.isEmpty()) continue;
                try {
                    List<RuleInfo> indexed = parsed != null ? RuleIndex.index(f.toString(), runbook, text, parsed)
                            : RuleIndex.index(f.toString(), runbook, text);
                    for (RuleInfo r : indexed) {
                        RuleInfo twin = rules.putIfAbsent(r.name(), r);
                        if (twin != null) {
                            problems.add(new Problem(f.toString(), r.ref().line(), 0, "duplicate rule name '" + r.name()
                                    + "' (also " + twin.ref().file() + ":" + twin.ref().line() + ")"));
                        }
                    }
                } catch (DroolsParserException ex) {
                    problems.add(new Problem(f.toString(), 0, 0, ex.getMessage()));
                }
            }
            packages = problems.isEmpty() && !files.isEmpty() ? builder.getKnowledgePackages() : List.of();
            if (key != null && problems.isEmpty() && !files.isEmpty()) {
                unsaved = new RulebookCache.Entry(List.copyOf(packages), List.copyOf(rules.values()));
            }
        }
        if (files.isEmpty()) problems.add(new Problem(rulesDir.toString(), 0, 0, "no .drl files"));
        KieBase base = null;
        if (problems.isEmpty()) {
            InternalKnowledgeBase kb = KnowledgeBaseFactory.newKnowledgeBase();
            kb.addPackages(packages);
            base = kb;
        }
        for (Map.Entry<Path, byte[]> f : knowledgeBytes.entrySet()) {
            digest.update(f.getKey().getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(f.getValue());
        }
        String revision = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        return new Compiled(problems, rules, base, revision, key, knowledgeProblem, cached != null, unsaved);
    }

    private static Problem problemOf(String file, KnowledgeBuilderError err) {
        int[] lines = err.getLines();
        int line = lines != null && lines.length > 0 ? lines[0] : 0;
        int col = 0;
        Matcher m = LINE_COL.matcher(err.getMessage());
        if (m.find()) {
            if (line <= 0) line = Integer.parseInt(m.group(1));
            col = Integer.parseInt(m.group(2)) + 1;
        }
        String msg = err.getMessage().replaceAll("\\s+", " ").trim();
        // the parser sometimes reports its own crash with a Java stack trace: a person needs the line, not that
        int trace = msg.indexOf(" Stack trace:");
        if (trace > 0) msg = msg.substring(0, trace).trim();
        return new Problem(file, Math.max(line, 0), col, msg);
    }

    private static final Pattern FILE_LINE = Pattern.compile("^(.*?):(\\d+)(?::(\\d+))?: (.*)$", Pattern.DOTALL);

    private static Problem problemOf(String text) {
        Matcher m = FILE_LINE.matcher(text);
        if (m.matches()) {
            return new Problem(m.group(1), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), m.group(4));
        }
        int colon = text.indexOf(": ");
        return colon > 0 ? new Problem(text.substring(0, colon), 0, 0, text.substring(colon + 2)) : new Problem(null, 0, 0, text);
    }

    static List<Path> drlFiles(Path dir) throws RulebookException {
        if (!Files.isDirectory(dir)) throw new RulebookException(List.of(new Problem(dir.toString(), 0, 0, "rules directory not found")));
        try {
            return RunbookFiles.rules(dir);
        } catch (IOException e) {
            throw new RulebookException(List.of(new Problem(dir.toString(), 0, 0, e.getMessage())));
        }
    }

    private static List<Path> knowledgeFiles(Path dir) {
        try {
            return RunbookFiles.knowledge(dir);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return s;
    }
}
