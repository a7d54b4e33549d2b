package triage.alerts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Alertmanager's webhook payload, version 4 (its {@code notify/webhook} package), checked where it
 * enters: every field Triage reads must be there and of its type, and a group may not be larger
 * than {@value #MAX_ALERTS} alerts (Alertmanager's {@code max_alerts} keeps it under that).
 */
public record Notification(String status, String groupKey, String receiver, Map<String, String> commonLabels,
                           Map<String, String> commonAnnotations, String externalUrl, int truncatedAlerts,
                           List<Alert> alerts) {
    static final int MAX_ALERTS = 100;
    static final int MAX_LABELS = 64;
    static final int MAX_GROUP_KEY = 1024;
    static final int MAX_VALUE = 4096;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-Za-z]{1,64}");

    public Notification {
        commonLabels = Map.copyOf(commonLabels);
        commonAnnotations = Map.copyOf(commonAnnotations);
        alerts = List.copyOf(alerts);
    }

    /** One alert of the group. */
    public record Alert(String status, Map<String, String> labels, Map<String, String> annotations, String startsAt,
                        String endsAt, String generatorUrl, String fingerprint) {
        public Alert {
            labels = Map.copyOf(labels);
            annotations = Map.copyOf(annotations);
        }

        public boolean firing() { return "firing".equals(status); }

        public String name() { return labels.getOrDefault("alertname", "(no alertname)"); }
    }

    /** A payload that is not one Triage can take; the message says why, for a person. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) { super(message); }
    }

    public boolean firing() { return "firing".equals(status); }

    public List<Alert> firingAlerts() { return alerts.stream().filter(Alert::firing).toList(); }

    /**
     * @throws Invalid when a field is missing or of the wrong type, the version is not "4", or the group is too large
     */
    public static Notification parse(JsonNode body) {
        JsonNode version = body.get("version");
        if (version == null || version.isNull()) throw new Invalid("'version' is missing: this path takes Alertmanager's webhook payload, version 4");
        if (!"4".equals(version.asText())) throw new Invalid("'version' is " + version + "; only version \"4\" is understood");
        String status = status(body, "status");
        String groupKey = string(body, "groupKey", MAX_GROUP_KEY);
        if (groupKey.isBlank()) throw new Invalid("'groupKey' is blank");
        String receiver = optional(body, "receiver");
        String externalUrl = optional(body, "externalURL");
        JsonNode truncated = body.get("truncatedAlerts");
        if (truncated != null && !truncated.isNull() && !truncated.canConvertToInt()) throw new Invalid("'truncatedAlerts' must be a number");
        JsonNode list = body.get("alerts");
        if (list == null || list.isNull()) throw new Invalid("'alerts' is missing");
        if (!list.isArray()) throw new Invalid("'alerts' must be a list");
        if (list.isEmpty()) throw new Invalid("'alerts' is empty");
        if (list.size() > MAX_ALERTS) {
            throw new Invalid("the group has " + list.size() + " alerts; at most " + MAX_ALERTS
                    + " (set max_alerts in Alertmanager's webhook_config)");
        }
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            String where = "alerts[" + i + "]";
            if (!a.isObject()) throw new Invalid("'" + where + "' must be an object");
            Map<String, String> labels = map(a, "labels", where);
            if (!labels.containsKey("alertname")) throw new Invalid("'" + where + ".labels' has no alertname");
            String fp = string(a, "fingerprint", 64, where);
            if (!FINGERPRINT.matcher(fp).matches()) throw new Invalid("'" + where + ".fingerprint' must be letters and digits");
            alerts.add(new Alert(status(a, "status", where), labels, map(a, "annotations", where),
                    string(a, "startsAt", 64, where), optional(a, "endsAt"), optional(a, "generatorURL"), fp));
        }
        return new Notification(status, groupKey, receiver, map(body, "commonLabels", null),
                map(body, "commonAnnotations", null), externalUrl, truncated == null || truncated.isNull() ? 0 : truncated.asInt(),
                alerts);
    }

    private static String status(JsonNode n, String field) { return status(n, field, null); }

    private static String status(JsonNode n, String field, String where) {
        String s = string(n, field, 16, where);
        if (!s.equals("firing") && !s.equals("resolved")) throw new Invalid("'" + name(where, field) + "' must be \"firing\" or \"resolved\"");
        return s;
    }

    private static String string(JsonNode n, String field, int max) { return string(n, field, max, null); }

    private static String string(JsonNode n, String field, int max, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new Invalid("'" + name(where, field) + "' is missing");
        if (!v.isTextual()) throw new Invalid("'" + name(where, field) + "' must be a string");
        if (v.asText().length() > max) throw new Invalid("'" + name(where, field) + "' is longer than " + max + " characters");
        return v.asText();
    }

    private static String optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return "";
        if (!v.isTextual()) throw new Invalid("'" + field + "' must be a string");
        String s = v.asText();
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) : s;
    }

    /** A map of strings; missing counts as empty (Alertmanager leaves out empty maps in some versions). */
    private static Map<String, String> map(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return Map.of();
        if (!v.isObject()) throw new Invalid("'" + name(where, field) + "' must be an object of strings");
        if (v.size() > MAX_LABELS) throw new Invalid("'" + name(where, field) + "' has " + v.size() + " entries; at most " + MAX_LABELS);
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual()) throw new Invalid("'" + name(where, field) + "." + e.getKey() + "' must be a string");
            String s = e.getValue().asText();
            if (s.length() > MAX_VALUE) throw new Invalid("'" + name(where, field) + "." + e.getKey() + "' is longer than " + MAX_VALUE + " characters");
            out.put(e.getKey(), s);
        }
        return out;
    }

    private static String name(String where, String field) { return where == null ? field : where + "." + field; }
}
