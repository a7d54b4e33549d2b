package triage.engine;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import triage.model.RuleRef;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a .drl file's rules with Drools' own parser: names, lines, metadata, what each reads and concludes. */
final class RuleIndex {
    private static final Pattern READS = Pattern.compile("symptom\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern READS_IN = Pattern.compile("symptom\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern INFERS = Pattern.compile("Observation\\.inferred\\(\\s*\"([^\"]+)\"");
    private static final Pattern CONCLUDES = Pattern.compile("Evidence\\.(?:suspect|against|rulesOut)\\(\\s*\"([^\"]+)\"");

    private RuleIndex() {}

    static List<RuleInfo> index(String file, String runbook, String text) throws DroolsParserException {
        return index(file, runbook, text, new DrlParser().parse(false, text));
    }

    /** As above, from {@code text} already parsed (conditions may have been rewritten; they are read from the text). */
    static List<RuleInfo> index(String file, String runbook, String text, PackageDescr pkg) {
        String[] lines = text.split("\n", -1);
        return pkg.getRules().stream().map(r -> info(file, runbook, r, lines)).toList();
    }

    private static RuleInfo info(String file, String runbook, RuleDescr r, String[] lines) {
        int from = Math.max(1, r.getLine());
        int to = Math.min(lines.length, r.getEndLine() > 0 ? r.getEndLine() : from);
        String slice = String.join("\n", java.util.Arrays.copyOfRange(lines, from - 1, to));
        String consequence = r.getConsequence() == null ? "" : r.getConsequence().toString();
        String rb = annotation(r, "runbook");
        RuleRef ref = new RuleRef(r.getName(), rb == null ? runbook : rb, file, from, annotation(r, "source"));
        Set<String> reads = all(READS, slice);
        Matcher in = READS_IN.matcher(slice);
        while (in.find()) reads.addAll(all(QUOTED, in.group(1)));
        return new RuleInfo(ref, reads, all(INFERS, consequence), all(CONCLUDES, consequence), slice);
    }

    private static String annotation(RuleDescr r, String name) {
        AnnotationDescr a = r.getAnnotation(name);
        if (a == null) return null;
        Object v = a.getSingleValue();
        if (v == null) return null;
        String s = v.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
        return s;
    }

    private static Set<String> all(Pattern p, String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
