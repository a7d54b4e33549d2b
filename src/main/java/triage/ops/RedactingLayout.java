package triage.ops;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
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

    /** A {@link PatternLayoutEncoder} whose layout is a {@link RedactingLayout} of its pattern. */
    static final class Encoder extends PatternLayoutEncoder {
        @Override public void start() {
            super.start();
            RedactingLayout layout = new RedactingLayout();
            layout.setContext(getContext());
            layout.setPattern(getPattern());
            layout.start();
            this.layout = layout;  // setLayout is refused once a pattern encoder has its own
        }
    }
}
