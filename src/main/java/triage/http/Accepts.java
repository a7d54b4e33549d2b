package triage.http;

import triage.render.TicketText;

import java.util.Locale;

/** Reads an {@code Accept} header for the forms {@code /api/diagnose} can answer in. */
final class Accepts {
    private Accepts() {}

    /**
     * The ticket form the client prefers over JSON, or null for JSON: no header, {@code *}/{@code *},
     * JSON named at least as high, or only types Triage does not write (answered in JSON, as before).
     * Between the forms the highest {@code q} wins; at equal {@code q}, the one named first.
     */
    static TicketText.Style ticketStyle(String accept) {
        if (accept == null || accept.isBlank() || accept.length() > 1000) return null;
        double json = -1, best = -1;
        TicketText.Style style = null;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2).strip());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q <= 0) continue;
            TicketText.Style s = switch (type) {
                case "text/markdown", "text/x-markdown" -> TicketText.Style.MARKDOWN;
                case "text/plain" -> TicketText.Style.PLAIN;
                default -> null;
            };
            if (s != null && q > best) {
                best = q;
                style = s;
            } else if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) {
                json = Math.max(json, type.equals("application/json") ? q : q - 0.0001);
            }
        }
        return style != null && best > json ? style : null;
    }
}
