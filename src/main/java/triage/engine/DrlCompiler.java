package triage.engine;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DroolsParserException;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import triage.knowledge.Knowledge;
import triage.knowledge.RunbookFiles;
import triage.util.Digests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules half of compiling a set: reads the {@code .drl} files and the knowledge files' bytes,
 * works out the revision and the cache key, and compiles the rules (or takes them from the
 * cache) into a rule base and an index of every rule, with each problem located at file:line.
 */
final class DrlCompiler {
    private static final Pattern LINE_COL = Pattern.compile("\\[?[Ll]ine\\s+(\\d+):(\\d+)");

    /**
     * What the rules half produced; {@code fresh} is a new cache entry still to be written (null when none),
     * without its knowledge (read by the other half).
     */
    record Result(List<Problem> problems, Map<String, RuleInfo> rules, KieBase base, String revision,
                  String key, Problem knowledgeProblem, boolean fromCache, RulebookCache.Entry fresh) {}

    private DrlCompiler() {}

    /**
     * Compiles the rules, or takes them from the cache; {@code cachedKnowledge} is completed with the
     * cached entry's knowledge as soon as it is read, or with null once there is none to read.
     */
    static Result compile(Path rulesDir, Path knowledgeDir, RulebookCache cache,
                          CompletableFuture<Knowledge> cachedKnowledge) throws RulebookException {
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
        for (Map.Entry<Path, byte[]> f : knowledgeBytes.entrySet()) {
            digest.update(f.getKey().getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(f.getValue());
        }
        // the bytes are hashed once: the revision and the cache key are both made from this digest
        byte[] contents = digest.digest();
        String key = cache.enabled() && problems.isEmpty() && knowledgeProblem == null
                ? RulebookCache.key(inputs, contents) : null;
        RulebookCache.Entry cached = key == null ? null : cache.read(key, cachedKnowledge::complete);
        cachedKnowledge.complete(null);  // no entry (or none usable): the knowledge is read from its files

        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        Collection<KiePackage> packages;
        RulebookCache.Entry fresh = null;
        if (cached != null) {
            for (RuleInfo r : cached.rules()) rules.put(r.name(), r);
            packages = cached.packages();
        } else {
            packages = build(texts, inputs, rules, problems);
            if (key != null && problems.isEmpty() && !files.isEmpty()) {
                fresh = new RulebookCache.Entry(null, List.copyOf(packages), List.copyOf(rules.values()));
            }
        }
        if (files.isEmpty()) problems.add(new Problem(rulesDir.toString(), 0, 0, "no .drl files"));
        KieBase base = null;
        if (problems.isEmpty()) {
            InternalKnowledgeBase kb = KnowledgeBaseFactory.newKnowledgeBase();
            kb.addPackages(packages);
            base = kb;
        }
        String revision = HexFormat.of().formatHex(contents).substring(0, 12);
        return new Result(problems, rules, base, revision, key, knowledgeProblem, cached != null, fresh);
    }

    /** Compiles every file's text; fills {@code rules} and {@code problems}; the packages when there are none. */
    private static Collection<KiePackage> build(Map<Path, String> texts, Map<Path, byte[]> inputs,
                                                Map<String, RuleInfo> rules, List<Problem> problems) {
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
        return problems.isEmpty() && !texts.isEmpty() ? builder.getKnowledgePackages() : List.of();
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

}
