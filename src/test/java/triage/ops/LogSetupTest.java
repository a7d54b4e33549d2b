package triage.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.pattern.PatternLayoutEncoderBase;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogSetupTest {
    @Test
    void logback_is_configured_by_it_without_a_file() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertNotNull(root.getAppender("STDERR"), "found through META-INF/services");
        assertEquals(Level.INFO, root.getLevel());
        assertEquals(Level.WARN, context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel());
        assertEquals(Level.ERROR, context.getLogger("io.etcd.jetcd.Client").getEffectiveLevel());
        assertEquals(Level.INFO, context.getLogger("triage.http.HttpServer").getEffectiveLevel());
    }

    @Test
    void a_line_carries_time_level_logger_request_and_message() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger logger = context.getLogger("triage.http.HttpServer");
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> stderr =
                (ConsoleAppender<ILoggingEvent>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        assertEquals("System.err", stderr.getTarget());
        @SuppressWarnings("unchecked")
        PatternLayoutEncoderBase<ILoggingEvent> encoder = (PatternLayoutEncoderBase<ILoggingEvent>) stderr.getEncoder();
        MDC.put("request", "ab12cd34");
        String with = encoder.getLayout().doLayout(new LoggingEvent("x", logger, Level.INFO, "hello", null, null));
        MDC.remove("request");
        String without = encoder.getLayout().doLayout(new LoggingEvent("x", logger, Level.INFO, "no request", null, null));
        assertTrue(with.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  HttpServer \\[ab12cd34] - hello\\R"),
                with);
        assertTrue(without.endsWith("INFO  HttpServer - no request" + System.lineSeparator()), without);
    }
}
