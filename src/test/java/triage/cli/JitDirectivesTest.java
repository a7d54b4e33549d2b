package triage.cli;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JIT directives a command adds to its own JVM, and that it never fails a start. */
class JitDirectivesTest {
    @Test
    void one_shot_commands_keep_everything_from_the_optimising_compiler_and_the_others_only_start_up_code() {
        assertEquals(JitDirectives.ONE_SHOT, JitDirectives.patternsFor("ask", "can't log in"));
        assertEquals(JitDirectives.ONE_SHOT, JitDirectives.patternsFor("lint"));
        for (String[] args : new String[][] {{"serve"}, {"simulate"}, {"publish"}, {"--version"}, {}}) {
            assertEquals(JitDirectives.STARTING, JitDirectives.patternsFor(args), String.join(" ", args));
        }
        // serve's requests run Drools, Jackson's JSON and the reader, and the chat platforms' signature
        // checks a digest: none of it is start-up-only
        for (String p : JitDirectives.STARTING) {
            assertFalse(p.startsWith("org/drools") || p.startsWith("com/fasterxml/jackson/databind")
                    || p.startsWith("triage/") || p.startsWith("sun/security") || p.startsWith("com/sun/crypto")
                    || p.startsWith("javax/crypto") || p.startsWith("java/security") || p.equals("*.*"), p);
        }
        // --version is the bench's reference start: nothing is added to it
        assertFalse(JitDirectives.namesCommand("--version"));
        assertFalse(JitDirectives.namesCommand("-h"));
        assertFalse(JitDirectives.namesCommand());
        assertTrue(JitDirectives.namesCommand("serve", "--port", "0"));
        assertEquals("[{match:\"a/*.*\",c2:{Exclude:true}},{match:\"b.c\",c2:{Exclude:true}}]",
                JitDirectives.directives(List.of("a/*.*", "b.c")));
    }

    @Test
    void without_the_manifest_opening_the_jvm_it_does_nothing_and_says_so() {
        assertFalse(JitDirectives.apply(JitDirectives.STARTING));  // surefire's JVM is not opened to us
    }

    @Test
    void opened_as_the_jar_opens_it_the_jvm_takes_the_directives() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Child.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.startsWith("added true"), out);
        assertTrue(out.contains("matching: jdk/internal/org/objectweb/asm/*.*"), out);
        assertTrue(out.contains("Exclude:true"), out);
    }

    /** Adds the start-up directives in a JVM opened as the jar's manifest opens it, then prints what the JIT holds. */
    static final class Child {
        public static void main(String[] args) throws Exception {
            System.out.println("added " + JitDirectives.apply(JitDirectives.STARTING));
            Class<?> impl = Class.forName("com.sun.management.internal.DiagnosticCommandImpl");
            Method bean = impl.getDeclaredMethod("getDiagnosticCommandMBean");
            bean.setAccessible(true);
            Method execute = impl.getDeclaredMethod("executeDiagnosticCommand", String.class);
            execute.setAccessible(true);
            System.out.println(execute.invoke(bean.invoke(null), "Compiler.directives_print"));
        }
    }
}
