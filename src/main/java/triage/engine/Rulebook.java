package triage.engine;

import org.kie.api.KieBase;
import org.kie.api.runtime.rule.AgendaFilter;
import triage.knowledge.Knowledge;
import triage.knowledge.Runbook;
import triage.language.Interpreter;
import triage.language.similar.SentenceMatcher;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
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
    /** Where a rule raises a suspect: the components a runbook can blame. */
    private static final Pattern SUSPECTS = Pattern.compile("Evidence\\.suspect\\(\\s*\"([^\"]+)\"");

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
    /** Per runbook, the components its rules can blame. */
    private final Map<String, Set<String>> suspectsByRunbook;
    /** Per symptom read only by the rules of one stack (not by general ones, unless they hold on that stack alone): that stack. */
    private final Map<String, String> stackOfSymptom;
    /** Runbooks of rules files runbooks.yaml does not describe: they have no stack, so hold on every one. */
    private final Set<String> undescribed;
    /** Scopes asked for so far; there are at most as many as sets of runbooks. */
    private final Map<Set<String>, Scope> scopes = new ConcurrentHashMap<>();

    Rulebook(KieBase kieBase, Knowledge knowledge, Interpreter interpreter, Map<String, RuleInfo> rules,
             String revision, boolean fromCache) {
        this.kieBase = TruthMaintenance.onFromTheStart(kieBase);
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
        Map<String, Set<String>> suspects = new LinkedHashMap<>();
        for (RuleInfo r : rules.values()) {
            Matcher m = SUSPECTS.matcher(r.text());
            while (m.find()) suspects.computeIfAbsent(r.ref().runbook(), k -> new LinkedHashSet<>()).add(m.group(1));
        }
        this.suspectsByRunbook = Collections.unmodifiableMap(suspects);
        Map<String, Set<String>> stacksReading = new HashMap<>();
        for (RuleInfo r : rules.values()) {
            Runbook rbk = knowledge.runbooks().get(r.ref().runbook());
            if (rbk == null) continue;  // a rules file runbooks.yaml does not describe says nothing of stacks
            // general knowledge that holds on one stack only (the cascades, on the web stack) is that stack's
            String stack = rbk.general() && rbk.appliesTo().size() == 1 ? rbk.appliesTo().get(0) : rbk.stack();
            for (String s : r.reads()) stacksReading.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(stack);
        }
        Map<String, String> own = new HashMap<>();
        stacksReading.forEach((s, st) -> {
            if (st.size() == 1 && !st.contains(Runbook.GENERAL)) own.put(s, st.iterator().next());
        });
        this.stackOfSymptom = Collections.unmodifiableMap(own);
        Set<String> undescribed = new LinkedHashSet<>();
        for (RuleInfo r : rules.values()) {
            String id = r.ref().runbook();
            if (id != null && !knowledge.runbooks().containsKey(id)) undescribed.add(id);
        }
        this.undescribed = Collections.unmodifiableSet(undescribed);
    }

    /** Questions of one stack a person could not answer before that stack is taken not to be theirs. */
    static final int UNANSWERABLE = 2;

    /**
     * What a conversation on {@code runbooks} may raise: only their rules fire, only their
     * components are suspects, only the symptoms they read are asked. Null or every runbook: all.
     */
    Scope scope(Set<String> runbooks) {
        Scope known = runbooks == null ? null : scopes.get(runbooks);  // a set asked for before, as it is
        if (known != null) return known;
        Set<String> key = runbooks == null || runbooks.containsAll(knowledge.runbooks().keySet())
                ? knowledge.runbooks().keySet() : runbooks;
        return scopes.computeIfAbsent(Set.copyOf(key), this::makeScope);
    }

    private Scope makeScope(Set<String> runbooks) {
        boolean all = runbooks.containsAll(knowledge.runbooks().keySet());
        Set<String> components = new LinkedHashSet<>(), reads = new LinkedHashSet<>();
        for (String c : knowledge.components().keySet()) {
            for (String r : runbooks) if (suspectsByRunbook.getOrDefault(r, Set.of()).contains(c)) components.add(c);
        }
        for (RuleInfo r : rules.values()) if (all || runbooks.contains(r.ref().runbook())) reads.addAll(r.reads());
        AgendaFilter filter = all ? null : match -> {
            RuleInfo info = rules.get(match.getRule().getName());
            return info == null || info.ref().runbook() == null || runbooks.contains(info.ref().runbook());
        };
        return new Scope(Set.copyOf(runbooks), Collections.unmodifiableSet(components), Set.copyOf(reads), filter);
    }

    /**
     * The runbooks a conversation keeps to: those of the stacks the deployment runs
     * ({@code configured}), narrowed to the stacks named in what was said (a runbook's
     * keywords); with nothing configured, the stacks named, or, when none is, every stack but
     * one whose own questions the person twice could not answer ({@code setAside}).
     * Runbooks of the {@link Runbook#GENERAL} stack are always in.
     */
    Set<String> runbooksOn(Set<String> configured, Set<String> mentioned, Set<String> setAside) {
        return runbooksOn(configured, mentioned, setAside, Set.of());
    }

    /**
     * As {@link #runbooksOn(Set, Set, Set)}; when nothing configured or named picks a stack, the
     * symptoms people reported ({@code seen}) vote: each one read only by one stack's rules is a
     * vote for that stack, and a stack with more votes than every other is the conversation's
     * (what people describe is of the system they run, even when they name none of its parts).
     */
    Set<String> runbooksOn(Set<String> configured, Set<String> mentioned, Set<String> setAside, Set<String> seen) {
        Set<String> named = new LinkedHashSet<>();
        for (String m : mentioned) {
            Runbook r = knowledge.runbooks().get(m);
            if (r != null && !r.general()) named.add(r.stack());
        }
        // a stack whose own questions the person could not answer, twice, is not theirs ("can
        // you log in to Backoffice?" "no idea"), even if a word of theirs named it
        Map<String, Integer> unknown = new HashMap<>();
        for (String s : setAside) {
            String stack = stackOfSymptom.get(s);
            if (stack != null) unknown.merge(stack, 1, Integer::sum);
        }
        Map<String, Integer> votes = new HashMap<>();
        for (String s : seen) {
            String stack = stackOfSymptom.get(s);
            if (stack != null) votes.merge(stack, 1, Integer::sum);
        }
        Set<String> on;
        boolean outvoted = false;
        if (!configured.isEmpty()) {
            on = new LinkedHashSet<>(configured);
            on.retainAll(named);
            if (on.isEmpty()) on = configured;
        } else {
            on = new LinkedHashSet<>(named);
            on.removeIf(stack -> unknown.getOrDefault(stack, 0) >= UNANSWERABLE);
            // a word names a stack ("the api containers" reads as pods), but what was reported is
            // another's (login fails, requests never arrive): two or more of its symptoms, more than
            // any named stack has, outweigh the word
            int beaten = Math.max(1, on.stream().mapToInt(st -> votes.getOrDefault(st, 0)).max().orElse(0));
            String other = null;
            for (Map.Entry<String, Integer> e : votes.entrySet()) {
                if (on.contains(e.getKey()) || unknown.getOrDefault(e.getKey(), 0) >= UNANSWERABLE) continue;
                if (e.getValue() > beaten) {
                    beaten = e.getValue();
                    other = e.getKey();
                } else if (e.getValue() == beaten) {
                    other = null;  // two others tie: no clear winner
                }
            }
            if (!on.isEmpty() && other != null) {
                on = new LinkedHashSet<>(Set.of(other));
                outvoted = true;
            }
        }
        // a stack only voted for (not configured or named, or outvoting the one a word named) may be a misreading:
        // general knowledge stays in
        boolean voted = on.isEmpty();
        if (voted) {
            Set<String> all = new LinkedHashSet<>();
            for (Runbook r : knowledge.runbooks().values()) if (!r.general()) all.add(r.stack());
            Set<String> left = new LinkedHashSet<>(all);
            unknown.forEach((stack, n) -> { if (n >= UNANSWERABLE) left.remove(stack); });
            // the one most of what they reported is about wins, each pair of its questions they could
            // not answer counting against it
            unknown.forEach((stack, n) -> votes.merge(stack, -(n / UNANSWERABLE), Integer::sum));
            String best = null;
            int most = 0, next = 0;
            for (Map.Entry<String, Integer> e : votes.entrySet()) {
                if (e.getValue() > most) {
                    next = most;
                    most = e.getValue();
                    best = e.getKey();
                } else if (e.getValue() > next) {
                    next = e.getValue();
                }
            }
            if (best != null && most > next) on = Set.of(best);
            else if (!left.isEmpty() && left.size() < all.size()) on = left;
        }
        if (on.isEmpty()) return knowledge.runbooks().keySet();
        Set<String> out = new LinkedHashSet<>();
        for (Runbook r : knowledge.runbooks().values()) {
            if (r.holdsOn(on) || r.general() && (voted || outvoted || mentioned.contains(r.id()))) out.add(r.id());
        }
        out.addAll(undescribed);
        return out;
    }

    public KieBase kieBase() { return kieBase; }
    public Knowledge knowledge() { return knowledge; }
    public Interpreter interpreter() { return interpreter; }

    /** How reading by example hears this set's language layer: its cues, and the components a text names. */
    public SentenceMatcher.Polarity cues() {
        return SentenceMatcher.Polarity.of(interpreter::polarityAbout, interpreter.names()::subjects, interpreter.names()::subjectsUnlessNothing);
    }
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
