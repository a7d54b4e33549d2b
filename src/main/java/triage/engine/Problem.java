package triage.engine;

/** One thing wrong with a rule or knowledge set, located where an editor can jump to it. */
public record Problem(String file, int line, int column, String message) {
    @Override public String toString() {
        StringBuilder sb = new StringBuilder(file == null ? "?" : file);
        if (line > 0) sb.append(':').append(line);
        if (line > 0 && column > 0) sb.append(':').append(column);
        return sb.append(": ").append(message).toString();
    }
}
