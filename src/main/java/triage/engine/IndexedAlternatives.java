package triage.engine;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites {@code Fact(field in ("a", "b"), ...)} into {@code (Fact(field == "a", ...) or
 * Fact(field == "b", ...))} before a rule file is compiled.
 *
 * <p>Drools hashes {@code field == "literal"} in its alpha network, so a fact is only tested
 * against the rules about its own value; {@code field in (...)} cannot be hashed, and every
 * inserted fact is tested against every such constraint. In a 10,000-rule base with 2% of its
 * rules written that way, those tests were most of the cost of a diagnosis. Drools compiles an
 * {@code or} of patterns into one sub-rule per alternative under the same rule name, each of them
 * hashed; a fact has one value, so it matches the same alternatives, the rule fires as often and
 * on the same facts, and the rule keeps its name, file and line. Only patterns that stand directly
 * in a rule's conditions, read from working memory and hold one {@code in} over plain string
 * literals are rewritten; anything else is compiled as written.
 */
final class IndexedAlternatives {
    private static final Pattern IN = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_]*)\\s+in\\s*\\((\\s*\"[^\"\\\\]*\"\\s*(?:,\\s*\"[^\"\\\\]*\"\\s*)*)\\)\\s*");
    private static final Pattern LITERAL = Pattern.compile("\"[^\"\\\\]*\"");
    /** Longer lists are left as written: one sub-rule an alternative. */
    static final int MAX_ALTERNATIVES = 32;

    private IndexedAlternatives() {}

    /** {@code text} parsed and rewritten, or null when there is nothing to rewrite (or it does not parse). */
    static PackageDescr rewritten(String text) {
        PackageDescr pkg = parse(text);
        return pkg != null && rewrite(pkg) > 0 ? pkg : null;
    }

    /** {@code text} as Drools' parser reads it, or null when it does not parse (the compiler then says why). */
    static PackageDescr parse(String text) {
        try {
            DrlParser parser = new DrlParser();
            PackageDescr pkg = parser.parse(false, text);
            return pkg == null || parser.hasErrors() ? null : pkg;
        } catch (DroolsParserException | RuntimeException e) {
            return null;
        }
    }

    /** Rewrites {@code pkg} in place; returns how many patterns were rewritten. */
    static int rewrite(PackageDescr pkg) {
        int n = 0;
        for (RuleDescr r : pkg.getRules()) {
            AndDescr lhs = r.getLhs();
            if (lhs == null) continue;
            List<BaseDescr> conditions = lhs.getDescrs();
            for (int i = 0; i < conditions.size(); i++) {
                if (conditions.get(i) instanceof PatternDescr p) {
                    OrDescr or = alternatives(p);
                    if (or != null) {
                        conditions.set(i, or);
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static OrDescr alternatives(PatternDescr p) {
        if (p.getSource() != null || p.isQuery() || !p.getAnnotations().isEmpty()
                || !(p.getConstraint() instanceof AndDescr constraints)) {
            return null;
        }
        List<ExprConstraintDescr> exprs = new ArrayList<>();
        int at = -1;
        Matcher in = null;
        for (BaseDescr d : constraints.getDescrs()) {
            if (!(d instanceof ExprConstraintDescr e) || e.getType() != ExprConstraintDescr.Type.NAMED) return null;
            Matcher m = IN.matcher(e.getExpression());
            if (m.matches()) {
                if (in != null) return null;  // two lists: left as written
                in = m;
                at = exprs.size();
            }
            exprs.add(e);
        }
        if (in == null) return null;
        List<String> literals = new ArrayList<>();
        Matcher lit = LITERAL.matcher(in.group(2));
        while (lit.find()) literals.add(lit.group());
        if (literals.size() < 2 || literals.size() > MAX_ALTERNATIVES) return null;

        OrDescr or = new OrDescr();
        or.copyLocation(p);
        for (String literal : literals) {
            PatternDescr alt = new PatternDescr(p.getObjectType(), p.getIdentifier(), p.isUnification());
            alt.copyLocation(p);
            alt.setResource(p.getResource());
            for (int i = 0; i < exprs.size(); i++) {
                ExprConstraintDescr e = exprs.get(i);
                ExprConstraintDescr copy = new ExprConstraintDescr(i == at ? in.group(1) + " == " + literal : e.getExpression());
                copy.setType(e.getType());
                copy.setPosition(e.getPosition());
                copy.copyLocation(e);
                copy.setResource(e.getResource());
                alt.addConstraint(copy);
            }
            or.addDescr(alt);
        }
        return or;
    }
}
