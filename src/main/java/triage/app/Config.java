package triage.app;

import triage.rollout.Etcd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a command is configured by, read once: flags win over environment variables, secrets
 * come only from the environment. This is the one class that reads the process environment
 * ({@link #read}); everything else is handed the values it needs (README, "Configuration").
 *
 * @param cacheDir where compiled runbooks are cached; null turns caching off
 * @param apiToken when non-null, {@code /api/*} needs {@code Authorization: Bearer <token>}
 * @param redisTimeout the deadline of each Redis command (conversations, de-duplication, alert groups)
 * @param etcdEndpoints when non-null, {@code serve} follows the runbooks published there
 * @param probe the {@code TRIAGE_PROBE_*} variables (live-check targets and settings), by name
 * @param alertsSlackChannel when non-null, Alertmanager's webhook is taken and alert threads are posted to this Slack channel
 * @param stacks the stacks this deployment runs ({@code TRIAGE_STACKS}, comma-separated, lower
 *               case); empty: every stack. Whether a runbook is about each is checked once the
 *               runbooks are loaded ({@link App#stacks})
 */
public record Config(Path rules, Path knowledge, Path cacheDir,
                     String host, int port, boolean watch,
                     String apiToken, double rateLimit, int rateBurst, boolean trustForwarded,
                     String redisUrl, Duration conversationIdle, Duration redisTimeout,
                     String etcdEndpoints, String etcdPrefix, Duration etcdTimeout,
                     String slackSigningSecret, String slackBotToken, String slackApiUrl, String teamsWebhookSecret,
                     Map<String, String> probe, boolean recall,
                     String teamsAppId, String teamsAppPassword, String teamsTenantId,
                     String teamsOpenIdMetadataUrl, String teamsTokenUrl, String slackAppToken,
                     String alertsSlackChannel, List<String> stacks) {
    public Config {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be between 0 and 65535");
        if (rateLimit <= 0) throw new IllegalArgumentException("TRIAGE_RATE_LIMIT must be above 0");
        if (rateBurst < 1) throw new IllegalArgumentException("TRIAGE_RATE_BURST must be at least 1");
        if (redisTimeout.isZero() || redisTimeout.isNegative()) {
            throw new IllegalArgumentException("TRIAGE_REDIS_TIMEOUT_MS must be above 0");
        }
        probe = Map.copyOf(probe);
        stacks = stacks == null ? List.of() : List.copyOf(stacks);
    }

    /**
     * What the command line says; null (or, for {@code watch}, true) where it says nothing, so the
     * environment or the default decides.
     */
    public record Flags(Path rules, Path knowledge, Integer port, String host, boolean watch,
                        String etcdEndpoints, String etcdPrefix) {
        public static Flags none() { return new Flags(null, null, null, null, true, null, null); }

        public Flags withDirs(Path rules, Path knowledge) {
            return new Flags(rules, knowledge, port, host, watch, etcdEndpoints, etcdPrefix);
        }
    }

    /** The flags over this process's environment. */
    public static Config read(Flags flags) {
        return from(flags, System.getenv(), System.getProperty("user.home"));
    }

    /**
     * The flags over {@code env}.
     *
     * @param home the user's home directory (for the default cache), null when unknown
     * @throws IllegalArgumentException naming the variable when a value is set but unusable
     */
    public static Config from(Flags flags, Map<String, String> env, String home) {
        Map<String, String> probe = new TreeMap<>();
        env.forEach((k, v) -> { if (k.startsWith("TRIAGE_PROBE_")) probe.put(k, v); });
        return new Config(
                path(flags.rules(), env, "TRIAGE_RULES", "rules"),
                path(flags.knowledge(), env, "TRIAGE_KNOWLEDGE", "knowledge"),
                cacheDir(env, home),
                or(flags.host(), value(env, "TRIAGE_HOST"), "127.0.0.1"),
                flags.port() != null ? flags.port() : (int) number(env, "PORT", 8080),
                flags.watch(),
                value(env, "TRIAGE_API_TOKEN"),
                decimal(env, "TRIAGE_RATE_LIMIT", 50),
                (int) number(env, "TRIAGE_RATE_BURST", 100),
                Boolean.parseBoolean(value(env, "TRIAGE_TRUST_FORWARDED")),
                value(env, "TRIAGE_REDIS_URL"),
                Duration.ofMinutes(number(env, "TRIAGE_CONVERSATION_IDLE_MINUTES", 120)),
                Duration.ofMillis(number(env, "TRIAGE_REDIS_TIMEOUT_MS", 500)),
                or(flags.etcdEndpoints(), value(env, "TRIAGE_ETCD_ENDPOINTS"), null),
                or(flags.etcdPrefix(), value(env, "TRIAGE_ETCD_PREFIX"), Etcd.DEFAULT_PREFIX),
                Duration.ofMillis(number(env, "TRIAGE_ETCD_TIMEOUT_MS", 2000)),
                value(env, "SLACK_SIGNING_SECRET"), value(env, "SLACK_BOT_TOKEN"), value(env, "SLACK_API_URL"),
                value(env, "TEAMS_WEBHOOK_SECRET"),
                probe,
                Boolean.parseBoolean(or(value(env, "TRIAGE_RECALL"), null, "true")),
                value(env, "TEAMS_APP_ID"), value(env, "TEAMS_APP_PASSWORD"), value(env, "TEAMS_TENANT_ID"),
                value(env, "TEAMS_OPENID_METADATA_URL"), value(env, "TEAMS_TOKEN_URL"), value(env, "SLACK_APP_TOKEN"),
                value(env, "TRIAGE_ALERTS_SLACK_CHANNEL"),
                list(value(env, "TRIAGE_STACKS")));
    }

    /** The same configuration listening on {@code port} (tests: 0 for a free one). */
    public Config onPort(int port) {
        return new Config(rules, knowledge, cacheDir, host, port, watch, apiToken, rateLimit, rateBurst, trustForwarded,
                redisUrl, conversationIdle, redisTimeout, etcdEndpoints, etcdPrefix, etcdTimeout, slackSigningSecret, slackBotToken,
                slackApiUrl, teamsWebhookSecret, probe, recall, teamsAppId, teamsAppPassword, teamsTenantId,
                teamsOpenIdMetadataUrl, teamsTokenUrl, slackAppToken, alertsSlackChannel, stacks);
    }

    /** Secrets are never printed: only whether they are set. */
    @Override public String toString() {
        return "Config[rules=" + rules + ", knowledge=" + knowledge + ", cache=" + cacheDir + ", listen=" + host + ":" + port
                + ", watch=" + watch + ", apiToken=" + set(apiToken) + ", rate=" + rateLimit + "/" + rateBurst
                + ", redis=" + set(redisUrl) + ", etcd=" + etcdEndpoints + ", slack=" + set(slackSigningSecret)
                + ", teams=" + set(teamsWebhookSecret) + ", teamsBot=" + (teamsAppId == null ? "unset" : teamsAppId)
                + ", teamsAppPassword=" + set(teamsAppPassword) + ", slackSocketMode=" + set(slackAppToken) + ", probe=" + probe.keySet() + ", recall=" + recall + ", alerts=" + alertsSlackChannel
                + ", stacks=" + stacks + "]";
    }

    private static String set(String secret) { return secret == null ? "unset" : "set"; }

    /** {@code $TRIAGE_CACHE} ({@code off} for none), else {@code $XDG_CACHE_HOME/triage}, else {@code ~/.cache/triage}. */
    static Path cacheDir(Map<String, String> env, String home) {
        String own = value(env, "TRIAGE_CACHE");
        if (own != null) return own.equalsIgnoreCase("off") || own.equalsIgnoreCase("none") ? null : Path.of(own);
        String xdg = value(env, "XDG_CACHE_HOME");
        if (xdg != null) return Path.of(xdg, "triage");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "triage");
    }

    /** "placeos, Web-Stack" -> [placeos, web-stack]; null -> none. */
    private static List<String> list(String value) {
        if (value == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String s = part.strip().toLowerCase(Locale.ROOT);
            if (!s.isEmpty() && !out.contains(s)) out.add(s);
        }
        return out;
    }

    private static Path path(Path flag, Map<String, String> env, String name, String fallback) {
        return flag != null ? flag : Path.of(or(null, value(env, name), fallback));
    }

    private static String or(String flag, String env, String fallback) {
        return flag != null && !flag.isBlank() ? flag.strip() : env != null ? env : fallback;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String v = value(env, name);
        if (v == null) return fallback;
        try {
            long n = Long.parseLong(v);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number >= 0, got '" + v + "'");
        }
    }

    private static double decimal(Map<String, String> env, String name, double fallback) {
        String v = value(env, name);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + v + "'");
        }
    }
}
