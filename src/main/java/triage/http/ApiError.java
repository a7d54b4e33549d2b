package triage.http;

/** A request that cannot be served as sent: becomes {@code {"error": message}} with {@code status}. */
final class ApiError extends RuntimeException {
    final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
