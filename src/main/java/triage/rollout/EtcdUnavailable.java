package triage.rollout;

import io.grpc.Status;

import java.util.List;

/** etcd did not answer in time, or refused: one line for a person, the cause for the debug log. */
public final class EtcdUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    EtcdUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            Status s = Status.fromThrowable(c);
            if (s.getCode() != Status.Code.UNKNOWN) {
                return s.getCode() + (s.getDescription() == null ? "" : ": " + firstLine(s.getDescription()));
            }
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage()));
    }

    /** gRPC descriptions can carry a whole cause and its stack; a person needs the first clause. */
    private static String firstLine(String s) {
        String line = s.lines().findFirst().orElse("");
        for (String cut : List.of(". Name resolution", " [", ": ")) {
            int i = line.indexOf(cut);
            if (i > 0) line = line.substring(0, i);
        }
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
