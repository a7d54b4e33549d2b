package triage.probe;

import triage.knowledge.Component;
import triage.knowledge.Knowledge;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One component's live check: what kind, where, and the kind's options.
 *
 * <p>The target comes from the component's {@code probe} map in {@code knowledge/components.yaml}
 * or, overriding it, from {@code TRIAGE_PROBE_<ID>} ({@code off} switches the check off). Options
 * are the map's other keys; for every kind but {@code http} (whose query is its own) the target's
 * query string may set them too ({@code redis://host:6379?queue_db=4},
 * {@code dns://api.example.com?expect=203.0.113.7}). A password in the target is used, never shown:
 * {@link #shown()} masks it and {@link #secrets()} lists it for scrubbing.
 *
 * @param uri the target without the query that set options
 */
public record Target(String component, String kind, URI uri, Map<String, String> options) {
    public static final Set<String> KINDS = Set.of("redis", "etcd", "tcp", "http", "dns");

    public Target {
        options = Map.copyOf(options);
    }

    /** The name of the variable that overrides {@code component}'s target. */
    public static String envName(String component) {
        return "TRIAGE_PROBE_" + component.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * The checks the knowledge and the environment configure, in the order of
     * {@code components.yaml}: components whose probe has a target, or whose variable sets one.
     *
     * @throws IllegalArgumentException naming the component and the variable or file, when a target is malformed
     */
    public static List<Target> configured(Knowledge knowledge, Map<String, String> env) {
        List<Target> out = new ArrayList<>();
        for (Component c : knowledge.components().values()) {
            String var = envName(c.id());
            String fromEnv = env.get(var);
            String raw = fromEnv != null && !fromEnv.isBlank() ? fromEnv.trim() : c.probe().get("target");
            if (raw == null || raw.isBlank()) continue;
            if (raw.equalsIgnoreCase("off") || raw.equalsIgnoreCase("none")) continue;
            String where = fromEnv != null && !fromEnv.isBlank() ? var : "knowledge/components.yaml (" + c.id() + ")";
            try {
                out.add(parse(c.id(), c.probe().get("kind"), raw, c.probe()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Parses one target; {@code kind} null means: guess from the scheme. */
    public static Target parse(String component, String kind, String raw, Map<String, String> more) {
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + mask(raw) + "' is not a URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (kind == null || kind.isBlank()) {
            kind = switch (scheme) {
                case "redis", "rediss" -> "redis";
                case "tcp" -> "tcp";
                case "dns" -> "dns";
                case "http", "https" -> "http";
                default -> throw new IllegalArgumentException("cannot tell the kind of check from '" + mask(raw) + "'");
            };
        }
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("unknown probe kind '" + kind + "' (one of " + KINDS + ")");
        Map<String, String> options = new LinkedHashMap<>();
        more.forEach((k, v) -> { if (!k.equals("kind") && !k.equals("target") && v != null) options.put(k, v); });
        if (!kind.equals("http") && uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                options.put(k, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
            try {
                uri = new URI(uri.getScheme(), uri.getRawAuthority() == null ? null : uri.getAuthority(), uri.getPath(), null, null);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + mask(raw) + "' is not a URI");
            }
        }
        String needScheme = switch (kind) {
            case "redis" -> "redis|rediss";
            case "etcd", "http" -> "http|https";
            case "tcp" -> "tcp";
            default -> "dns";
        };
        if (!scheme.matches(needScheme)) {
            throw new IllegalArgumentException("a " + kind + " check needs a " + needScheme.replace("|", " or ") + ":// target, got '" + mask(raw) + "'");
        }
        if (uri.getHost() == null) throw new IllegalArgumentException("'" + mask(raw) + "' names no host");
        if (kind.equals("tcp") && uri.getPort() < 0) throw new IllegalArgumentException("'" + mask(raw) + "' names no port");
        return new Target(component, kind, uri, options);
    }

    private static String decode(String s) { return URLDecoder.decode(s, StandardCharsets.UTF_8); }

    /** The target as it may be shown: any password replaced by {@code ***}. */
    public String shown() { return mask(uri.toString()); }

    /** The user name in the target, or null. */
    public String user() {
        String ui = uri.getUserInfo();
        if (ui == null) return null;
        int colon = ui.indexOf(':');
        String u = colon < 0 ? ui : ui.substring(0, colon);
        return u.isEmpty() ? null : u;
    }

    /** The password in the target, or null. */
    public String password() {
        String ui = uri.getUserInfo();
        if (ui == null) return null;
        int colon = ui.indexOf(':');
        String p = colon < 0 ? null : ui.substring(colon + 1);
        return p == null || p.isEmpty() ? null : p;
    }

    /** Strings that must never appear in what is shown or logged. */
    public List<String> secrets() {
        List<String> out = new ArrayList<>();
        String p = password();
        if (p != null) {
            out.add(p);
            String raw = uri.getRawUserInfo();
            int colon = raw == null ? -1 : raw.indexOf(':');
            if (colon >= 0 && !raw.substring(colon + 1).equals(p)) out.add(raw.substring(colon + 1));
        }
        return out;
    }

    /** The symptom a healthy answer makes present: option {@code symptom}, else {@code <id>-healthy} (DNS: resolves as expected). */
    public String healthSymptom() {
        String s = options.get("symptom");
        if (s != null && !s.isBlank()) return s;
        return kind.equals("dns") ? "dns-resolves-as-expected" : component + "-healthy";
    }

    /** {@code scheme://user:secret@host} -> {@code scheme://user:***@host}. */
    static String mask(String s) {
        if (s == null) return "";
        return s.replaceAll("(//[^/@:?#]*:)[^/?#]*@", "$1***@");
    }

    /** Replaces every secret of this target in {@code text}. */
    String scrub(String text) {
        if (text == null) return "";
        String out = mask(text);
        for (String secret : secrets()) if (!secret.isEmpty()) out = out.replace(secret, "***");
        return out;
    }

    @Override public String toString() { return component + "=" + shown(); }
}
