package triage.ops;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.PatternLayoutEncoderBase;
import triage.model.Redactor;

/**
 * The log line as {@link PatternLayout} writes it, with credentials and IPv6 addresses masked
 * ({@link Redactor}): whatever a message, an exception or a library puts in it, no secret that a
 * person typed reaches the log.
 */
public final class RedactingLayout extends PatternLayout {
    @Override public String doLayout(ILoggingEvent event) {
        return Redactor.redact(super.doLayout(event));
    }

    /**
     * What {@link PatternLayoutEncoder} is, with a {@link RedactingLayout} of its pattern as its one
     * layout (a pattern encoder would build and start a plain one first, only to have it replaced).
     */
    static final class Encoder extends PatternLayoutEncoderBase<ILoggingEvent> {
        @Override public void start() {
            RedactingLayout layout = new RedactingLayout();
            layout.setContext(getContext());
            layout.setPattern(getPattern());
            layout.setOutputPatternAsHeader(outputPatternAsHeader);
            layout.start();
            this.layout = layout;
            super.start();
        }
    }
}
