package triage.engine;

import org.drools.drl.parser.DroolsParserException;
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
import triage.language.Interpreter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    private Rulebook(KieBase kieBase, Knowledge knowledge, Interpreter interpreter, Map<String, RuleInfo> rules,
                     String revision) {
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
    }

    public KieBase kieBase() { return kieBase; }
    public Knowledge knowledge() { return knowledge; }
    public Interpreter interpreter() { return interpreter; }
    public Map<String, RuleInfo> rules() { return rules; }
    public String revision() { return revision; }
    public Instant loadedAt() { return loadedAt; }

    /** Symptoms that rules about {@code component} read: the questions that can move it. */
    public Set<String> symptomsAbout(String component) {
        return symptomsByComponent.getOrDefault(component, Set.of());
    }

    /** Reads, compiles and cross-checks a rules directory against a knowledge directory. */
    public static Rulebook load(Path rulesDir, Path knowledgeDir) throws RulebookException {
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
        List<Path> files = drlFiles(rulesDir);
        List<Problem> problems = new ArrayList<>();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        MessageDigest digest = sha256();
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(new Problem(f.toString(), 0, 0, "cannot read: " + e.getMessage()));
                continue;
            }
            digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            String runbook = f.getFileName().toString().replaceFirst("\\.drl$", "");
            Resource res = ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
            res.setSourcePath(f.toString());
            res.setResourceType(ResourceType.DRL);
            int before = builder.getErrors().size();
            builder.add(res, ResourceType.DRL);
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
                for (RuleInfo r : RuleIndex.index(f.toString(), runbook, text)) {
                    RuleInfo twin = rules.putIfAbsent(r.name(), r);
                    if (twin != null) {
                        problems.add(new Problem(f.toString(), r.ref().line(), 0, "duplicate rule name '" + r.name()
                                + "' (also " + twin.ref().file() + ":" + twin.ref().line() + ")"));
                    }
                }
            } catch (DroolsParserException e) {
                problems.add(new Problem(f.toString(), 0, 0, e.getMessage()));
            }
        }
        if (files.isEmpty()) problems.add(new Problem(rulesDir.toString(), 0, 0, "no .drl files"));
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
        for (Path f : knowledgeFiles(knowledgeDir)) {
            try {
                digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new RulebookException(List.of(new Problem(f.toString(), 0, 0, "cannot read: " + e.getMessage())));
            }
        }
        KieBase base = builder.newKieBase();
        String revision = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        return new Rulebook(base, knowledge, interpreter, rules, revision);
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
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new RulebookException(List.of(new Problem(dir.toString(), 0, 0, e.getMessage())));
        }
    }

    private static List<Path> knowledgeFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return s;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
