package triage.engine;

import org.kie.api.KieBase;
import triage.knowledge.Knowledge;
import triage.language.Interpreter;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One compiled, validated set of runbooks: the Drools rule base, the knowledge it reads, the
 * language layer built from that knowledge, and an index of every rule. An immutable value made
 * by {@link RulebookCompiler}: a reload makes a new one and swaps it in whole. What is remembered
 * of answers given on it (readings, outcomes) lives beside {@link Triage}, keyed by its
 * {@link #revision()}.
 */
public final class Rulebook {
    /** A rule that may read an observation's words: then the words are part of what a diagnosis follows from. */
    private static final Pattern READS_TEXT = Pattern.compile("\\btext\\b|getText");

    private final KieBase kieBase;
    private final Knowledge knowledge;
    private final Interpreter interpreter;
    private final Map<String, RuleInfo> rules;
    private final Map<String, Set<String>> symptomsByComponent;
    private final String revision;
    private final Instant loadedAt;
    private final boolean fromCache;
    private final boolean rulesReadText;
    /** Worked out once rather than for every diagnosis. */
    private final Map<String, Integer> componentOrder;
    private final Map<String, Integer> treeIndex;

    Rulebook(KieBase kieBase, Knowledge knowledge, Interpreter interpreter, Map<String, RuleInfo> rules,
             String revision, boolean fromCache) {
        this.kieBase = kieBase;
        this.knowledge = knowledge;
        this.interpreter = interpreter;
        this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        this.revision = revision;
        this.fromCache = fromCache;
        this.loadedAt = Instant.now();
        Map<String, Set<String>> by = new LinkedHashMap<>();
        for (RuleInfo r : rules.values()) {
            for (String c : r.concludes()) by.computeIfAbsent(c, k -> new LinkedHashSet<>()).addAll(r.reads());
        }
        this.symptomsByComponent = Collections.unmodifiableMap(by);
        this.rulesReadText = rules.values().stream().anyMatch(r -> READS_TEXT.matcher(r.text()).find());
        Map<String, Integer> order = new HashMap<>();
        for (String id : knowledge.components().keySet()) order.putIfAbsent(id, order.size());
        this.componentOrder = Collections.unmodifiableMap(order);
        this.treeIndex = Collections.unmodifiableMap(NextChecks.treeIndex(knowledge));
    }

    public KieBase kieBase() { return kieBase; }
    public Knowledge knowledge() { return knowledge; }
    public Interpreter interpreter() { return interpreter; }
    public Map<String, RuleInfo> rules() { return rules; }
    public String revision() { return revision; }
    public Instant loadedAt() { return loadedAt; }

    /** Whether the compiled rules came from the cache rather than the compiler. */
    public boolean fromCache() { return fromCache; }

    boolean rulesReadText() { return rulesReadText; }

    /** A component's place in components.yaml, which breaks ties between causes; unknown ones last. */
    int componentOrder(String component) { return componentOrder.getOrDefault(component, Integer.MAX_VALUE); }

    Map<String, Integer> treeIndex() { return treeIndex; }

    /** Symptoms that rules about {@code component} read: the questions that can move it. */
    public Set<String> symptomsAbout(String component) {
        return symptomsByComponent.getOrDefault(component, Set.of());
    }
}
