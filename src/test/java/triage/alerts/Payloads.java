package triage.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** Alertmanager webhook payloads (version 4) as Alertmanager writes them. */
final class Payloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {}

    record A(String status, Map<String, String> labels, Map<String, String> annotations, String fingerprint) {}

    static A alert(String status, String fingerprint, Map<String, String> labels, Map<String, String> annotations) {
        return new A(status, labels, annotations, fingerprint);
    }

    static String webhook(String status, String groupKey, A... alerts) {
        ObjectNode root = JSON.createObjectNode();
        root.put("receiver", "triage");
        root.put("status", status);
        ArrayNode arr = root.putArray("alerts");
        for (A a : alerts) {
            ObjectNode n = arr.addObject();
            n.put("status", a.status());
            a.labels().forEach(n.putObject("labels")::put);
            ObjectNode an = n.putObject("annotations");
            a.annotations().forEach(an::put);
            n.put("startsAt", "2026-11-30T03:00:00Z");
            n.put("endsAt", a.status().equals("resolved") ? "2026-11-30T03:05:00Z" : "0001-01-01T00:00:00Z");
            n.put("generatorURL", "http://prometheus:9090/graph");
            n.put("fingerprint", a.fingerprint());
        }
        root.putObject("groupLabels").put("alertname", alerts[0].labels().get("alertname"));
        alerts[0].labels().forEach(root.putObject("commonLabels")::put);
        root.putObject("commonAnnotations");
        root.put("externalURL", "http://alertmanager:9093");
        root.put("version", "4");
        root.put("groupKey", groupKey);
        root.put("truncatedAlerts", 0);
        return root.toString();
    }
}
