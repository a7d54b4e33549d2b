package triage.cli;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tells the JIT what not to optimise fully, the way {@code jcmd PID Compiler.directives_add} does,
 * from inside the process: {@code java -jar} carries no JVM flags.
 *
 * <p>A start spins a few hundred classes (lambdas, method handles, reflection accessors, Drools'
 * consequence invokers) with the JDK's class writer, and on two cores the optimising compiler
 * then spends more than a second of CPU on that writer ({@code Frame.execute} alone takes most of
 * it) while the start waits for a core. Code that only runs while starting gets the quick
 * compiler ({@link #STARTING}); a one-shot command ({@code ask}, {@code lint}) gets it for
 * everything ({@link #ONE_SHOT}), as it ends long before optimised code would pay. What the
 * program computes does not change, only how fast the machine code for it is; a long-running
 * {@code serve} keeps the optimising compiler for everything a request runs.
 *
 * <p>It reaches the JVM's diagnostic command through {@code Add-Opens:
 * jdk.management/com.sun.management.internal} in the jar's manifest; run any other way (tests,
 * an IDE) it does nothing. It never fails a start: it only saves time.
 */
public final class JitDirectives {
    /**
     * Start-up-only code: class writers, YAML, the command line, the rule cache's reader, and the
     * class loader's own reading of the jar (its index, inflating, URLs; the optimising compiler
     * spent a few hundred milliseconds of a start on these). The directives last as long as the
     * process, so nothing a request may run is here: not the digests (SHA-256 hashes the runbooks
     * while starting, but also every chat platform's signature check), not Drools, Jackson or Triage.
     */
    static final List<String> STARTING = List.of(
            "jdk/internal/org/objectweb/asm/*.*",
            "java/lang/invoke/InvokerBytecodeGenerator.*",
            "jdk/internal/reflect/ClassFileAssembler.*",
            "jdk/internal/reflect/MethodAccessorGenerator.*",
            "jdk/internal/reflect/AccessorGenerator.*",
            "org/mvel2/asm/*.*",
            "org/yaml/snakeyaml/*.*",
            "com/fasterxml/jackson/dataformat/yaml/*.*",
            "picocli/*.*",
            "java/io/ObjectInputStream*.*",
            "java/util/zip/ZipFile*.*",
            "java/util/zip/Inflater*.*",
            "java/util/jar/*.*",
            "jdk/internal/loader/*.*",
            "jdk/internal/jimage/*.*",
            "sun/net/www/*.*");

    /** Everything: a one-shot command ends before optimised code pays. */
    static final List<String> ONE_SHOT = List.of("*.*");

    /** The commands that run once and exit. */
    private static final List<String> ONE_SHOT_COMMANDS = List.of("ask", "lint");

    private JitDirectives() {}

    /** The patterns for a command line: {@link #ONE_SHOT} for {@code ask} and {@code lint}, else {@link #STARTING}. */
    static List<String> patternsFor(String... args) {
        return args.length > 0 && ONE_SHOT_COMMANDS.contains(args[0]) ? ONE_SHOT : STARTING;
    }

    /** Whether {@code args} name a command rather than only options such as {@code --version}. */
    static boolean namesCommand(String... args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /** The directives file's text: the optimising compiler (C2) excluded for each pattern. */
    static String directives(List<String> patterns) {
        StringBuilder sb = new StringBuilder("[");
        for (String p : patterns) {
            if (sb.length() > 1) sb.append(',');
            sb.append("{match:\"").append(p).append("\",c2:{Exclude:true}}");
        }
        return sb.append(']').toString();
    }

    /**
     * Adds the directives for {@code args} on a thread of its own and returns at once; nothing for
     * a command line that names no command ({@code --version}, {@code --help}): it starts nothing to speed up.
     */
    public static void applyInBackground(String... args) {
        if (!namesCommand(args)) return;
        Thread t = new Thread(() -> apply(patternsFor(args)), "jit-directives");
        t.setDaemon(true);
        t.start();
    }

    /** Adds the directives; true when the JVM took them, false when it could not be reached. */
    static boolean apply(List<String> patterns) {
        Path file = null;
        try {
            // the class that loads the native half of the JVM's management interface
            Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl", true, ClassLoader.getSystemClassLoader());
            Class<?> impl = Class.forName("com.sun.management.internal.DiagnosticCommandImpl");
            Method bean = impl.getDeclaredMethod("getDiagnosticCommandMBean");
            bean.setAccessible(true);
            Method execute = impl.getDeclaredMethod("executeDiagnosticCommand", String.class);
            execute.setAccessible(true);
            file = Files.createTempFile("triage-jit", ".json");
            Files.writeString(file, directives(patterns), StandardCharsets.UTF_8);
            Object said = execute.invoke(bean.invoke(null), "Compiler.directives_add " + file);
            return said != null && said.toString().contains("added");
        } catch (Exception | LinkageError e) {
            return false;  // not opened to us (not run from the jar), or another JVM: no harm, only no speed-up
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (Exception ignored) {
                    // a temporary file of a few bytes
                }
            }
        }
    }
}
