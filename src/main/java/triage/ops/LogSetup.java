package triage.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Map;

/**
 * Logging, configured in code: one line per event on stderr, libraries only when something is
 * wrong, credentials masked ({@link RedactingLayout}), {@code kill -USR1} toggles the triage loggers between INFO and DEBUG ({@link DebugToggle}).
 * Logback finds this through {@code META-INF/services}; parsing an XML file instead took a
 * tenth of every start. {@code -Dlogback.configurationFile=...} still wins: then Logback reads
 * that file as usual.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** The request id in brackets when there is one ({@code %replace} drops an empty " []"). */
    static final String PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0}%replace( [%X{request}]){' \\[\\]', ''} - %msg%n";

    /** Libraries at these levels; everything else at INFO. */
    static final Map<String, Level> QUIET = Map.ofEntries(
            Map.entry("org.drools", Level.WARN),
            Map.entry("org.kie", Level.WARN),
            Map.entry("org.eclipse.jetty", Level.WARN),
            Map.entry("io.javalin", Level.WARN),
            Map.entry("io.lettuce", Level.WARN),
            Map.entry("io.netty", Level.WARN),
            Map.entry("reactor", Level.WARN),
            Map.entry("io.grpc", Level.WARN),
            Map.entry("io.vertx", Level.WARN),
            // jetcd warns about every failed call, which a live check reports itself
            Map.entry("io.etcd", Level.ERROR),
            // the tokenizer's loader warns that it finds no GPU on every start
            Map.entry("ai.djl", Level.ERROR),
            // closing a connection the server already closed is not worth a warning
            Map.entry("io.lettuce.core.RedisChannelHandler", Level.ERROR));

    @Override public ExecutionStatus configure(LoggerContext context) {
        // The one read of the process settings outside app.Config, and it must be: logback calls this
        // (through ServiceLoader) on the first logger, before main() has built a Config. The property is
        // logback's own switch; when someone set it, their file wins over these defaults.
        if (System.getProperty("logback.configurationFile") != null) return ExecutionStatus.INVOKE_NEXT_IF_ANY;

        LevelChangePropagator jul = new LevelChangePropagator();  // java.util.logging follows these levels
        jul.setContext(context);
        jul.setResetJUL(true);
        context.addListener(jul);
        jul.start();

        RedactingLayout.Encoder encoder = new RedactingLayout.Encoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
