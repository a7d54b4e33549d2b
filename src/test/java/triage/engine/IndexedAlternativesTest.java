package triage.engine;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.Fixtures;
import triage.model.Diagnosis;
import triage.model.Observation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexedAlternativesTest {
    @TempDir Path dir;

    private static String rule(String conditions) {
        return """
                package triage.rules;
                import triage.model.Observation;
                import triage.model.Evidence;

                rule "R"
                when
                %s
                then
                    insertLogical(Evidence.suspect("redis", 0.5));
                end
                """.formatted(conditions);
    }

    @Test
    void a_list_of_literals_becomes_one_hashed_pattern_an_alternative() {
        PackageDescr pkg = IndexedAlternatives.rewritten(rule(
                "    $o : Observation(symptom in (\"a\", \"b\",\n        \"c\"), present == true)\n    Observation(symptom == \"d\")"));
        assertNotNull(pkg);
        List<BaseDescr> lhs = pkg.getRules().get(0).getLhs().getDescrs();
        assertEquals(2, lhs.size());
        OrDescr or = assertInstanceOf(OrDescr.class, lhs.get(0));
        assertEquals(3, or.getDescrs().size());
        int i = 0;
        for (String literal : List.of("a", "b", "c")) {
            PatternDescr p = assertInstanceOf(PatternDescr.class, or.getDescrs().get(i++));
            assertEquals("Observation", p.getObjectType());
            assertEquals("$o", p.getIdentifier());
            List<String> exprs = p.getSlottedConstraints().stream().map(d -> ((ExprConstraintDescr) d).getExpression()).toList();
            assertEquals(List.of("symptom == \"" + literal + "\"", "present == true"), exprs);
            assertEquals(7, p.getLine(), "keeps the line the pattern was written on");
        }
        assertInstanceOf(PatternDescr.class, lhs.get(1));
    }

    @Test
    void what_it_cannot_rewrite_is_compiled_as_written() {
        for (String conditions : List.of(
                "    Observation(symptom == \"a\")",                                   // nothing to do
                "    Observation(symptom in (\"a\"))",                                 // one literal
                "    not Observation(symptom in (\"a\", \"b\"))",                       // under not
                "    $s : String()\n    Observation(symptom in ($s, \"b\"))",           // not all literals
                "    Observation(symptom in (\"a\", \"b\"), source in (\"x\", \"y\"))", // two lists
                "    Observation(symptom in (\"a\", \"b\") || present)",               // part of an expression
                "    Observation(symptom in (\"a\", \"b\") broken")) {                  // does not parse
            assertNull(IndexedAlternatives.rewritten(rule(conditions)), conditions);
        }
    }

    @Test
    void the_rule_fires_on_the_same_observations_as_written() throws Exception {
        Fixtures.copyRunbooks(dir);
        Path file = dir.resolve("rules/placeos.drl");
        Files.writeString(file, Files.readString(file) + """

                rule "Listed symptoms"
                    @source("test")
                when
                    Observation(symptom in ("login-works", "search-works", "modules-load"), present == false)
                then
                    insertLogical(Evidence.suspect("redis", 0.2));
                end
                """);
        Rulebook rb = new RulebookCompiler(RulebookCache.off()).load(dir.resolve("rules"), dir.resolve("knowledge"));
        Diagnosis d = new Diagnoser().diagnose(rb, List.of(
                new Observation("login-works", false, "login fails", Observation.TEXT),
                new Observation("modules-load", false, "modules fail", Observation.TEXT),
                new Observation("search-works", true, "search works", Observation.TEXT),
                new Observation("execute-works", false, "execute fails", Observation.TEXT)), List.of(), Set.of(), List.of());
        List<Diagnosis.Firing> listed = d.firings().stream().filter(f -> f.rule().equals("Listed symptoms")).toList();
        assertEquals(2, listed.size(), "once for each listed symptom that is absent: " + listed);
        assertEquals(Set.of("login fails", "modules and functions do not load"),
                Set.of(listed.get(0).on().get(0), listed.get(1).on().get(0)));
    }

    @Test
    void a_compile_error_in_a_rewritten_file_keeps_its_file_and_line() throws Exception {
        Fixtures.copyRunbooks(dir);
        Path file = dir.resolve("rules/placeos.drl");
        String text = Files.readString(file);
        assertTrue(text.contains("symptom in ("), "placeos.drl has a list for this test to mean anything");
        long lines = text.lines().count();
        Files.writeString(file, text + """

                rule "Unknown field"
                when
                    Observation(sympton == "login-works")
                then
                    insertLogical(Evidence.suspect("redis", 0.2));
                end
                """);
        RulebookException e = assertThrows(RulebookException.class,
                () -> new RulebookCompiler(RulebookCache.off()).load(dir.resolve("rules"), dir.resolve("knowledge")));
        Problem p = e.problems().get(0);
        assertTrue(p.file().endsWith("placeos.drl"), p.toString());
        assertTrue(p.line() > lines, "line " + p.line() + " should be in the appended rule: " + e.getMessage());
    }
}
