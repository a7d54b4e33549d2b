package triage.probe;

import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.knowledge.Knowledge;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which components get checked, where, with which options; what may be shown of a target. */
class TargetTest {
    private static Knowledge knowledge() { return Fixtures.shipped().knowledge(); }

    private static Target find(List<Target> ts, String component) {
        return ts.stream().filter(t -> t.component().equals(component)).findFirst()
                .orElseThrow(() -> new AssertionError("no target for " + component + " in " + ts));
    }

    @Test
    void the_shipped_knowledge_checks_the_placeos_stores_on_localhost_and_not_dns_without_a_hostname() {
        List<Target> ts = Target.configured(knowledge(), Map.of());
        assertEquals(List.of("etcd", "rethinkdb", "redis", "elasticsearch"), ts.stream().map(Target::component).toList());
        Target etcd = find(ts, "etcd");
        assertEquals("etcd", etcd.kind());
        assertEquals("/service/core", etcd.options().get("prefix"));
        assertEquals("http://127.0.0.1:9200/_cluster/health", find(ts, "elasticsearch").shown());
        assertEquals("tcp", find(ts, "rethinkdb").kind());
        assertEquals("redis-healthy", find(ts, "redis").healthSymptom());
    }

    @Test
    void the_environment_overrides_a_target_switches_one_off_and_adds_one_the_knowledge_lacks() {
        List<Target> ts = Target.configured(knowledge(), Map.of(
                "TRIAGE_PROBE_REDIS", "redis://:s3cret@10.1.2.3:6380?queue_db=4",
                "TRIAGE_PROBE_ETCD", "off",
                "TRIAGE_PROBE_DNS", "dns://api.example.com?expect=203.0.113.7,203.0.113.8",
                "TRIAGE_PROBE_LOAD_BALANCER", "https://lb.example.com/healthz?full=1"));
        assertTrue(ts.stream().noneMatch(t -> t.component().equals("etcd")), ts.toString());
        Target redis = find(ts, "redis");
        assertEquals("10.1.2.3", redis.uri().getHost());
        assertEquals("4", redis.options().get("queue_db"));
        Target dns = find(ts, "dns");
        assertEquals("203.0.113.7,203.0.113.8", dns.options().get("expect"));
        assertEquals("dns-resolves-as-expected", dns.healthSymptom());
        Target lb = find(ts, "load-balancer");
        assertEquals("http", lb.kind(), "guessed from the scheme");
        assertEquals("https://lb.example.com/healthz?full=1", lb.shown(), "an http target keeps its query");
        assertEquals("TRIAGE_PROBE_LOAD_BALANCER", Target.envName("load-balancer"));
    }

    @Test
    void a_password_is_used_but_never_shown() {
        Target t = Target.parse("redis", "redis", "redis://default:s3cret@127.0.0.1:6379", Map.of());
        assertEquals("redis://default:***@127.0.0.1:6379", t.shown());
        assertEquals("default", t.user());
        assertEquals("s3cret", t.password());
        assertFalse(t.toString().contains("s3cret"), t.toString());
        assertEquals("AUTH failed for *** at redis://default:***@127.0.0.1:6379",
                t.scrub("AUTH failed for s3cret at redis://default:s3cret@127.0.0.1:6379"));
        Target http = Target.parse("elasticsearch", "http", "http://elastic:p%40ss@127.0.0.1:9200/_cluster/health", Map.of());
        assertEquals("http://elastic:***@127.0.0.1:9200/_cluster/health", http.shown());
        assertEquals("p@ss", http.password());
        assertEquals("*** and ***", http.scrub("p@ss and p%40ss"));
    }

    @Test
    void a_malformed_target_is_refused_naming_where_it_came_from_without_its_password() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                Target.configured(knowledge(), Map.of("TRIAGE_PROBE_RETHINKDB", "tcp://127.0.0.1")));
        assertTrue(e.getMessage().startsWith("TRIAGE_PROBE_RETHINKDB: "), e.getMessage());
        assertTrue(e.getMessage().contains("no port"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () ->
                Target.configured(knowledge(), Map.of("TRIAGE_PROBE_ETCD", "redis://:hunter2@127.0.0.1:2379")));
        assertTrue(e.getMessage().contains("http or https"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Target.parse("x", "ftp", "ftp://h/", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("x", null, "gopher://h/", Map.of()));
    }

    @Test
    void kind_options_are_checked_when_the_probe_is_built() {
        ProbeSettings s = ProbeSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> Prober.probeFor(Target.parse("dns", "dns", "dns://h?expect=not-an-ip", Map.of()), s));
        assertThrows(IllegalArgumentException.class, () -> Prober.probeFor(Target.parse("redis", "redis", "redis://h:1?queue_db=four", Map.of()), s));
        assertThrows(IllegalArgumentException.class, () -> Prober.probeFor(Target.parse("e", "http", "http://h/", Map.of("expect", "ok")), s));
    }

    @Test
    void settings_come_from_the_environment_and_are_checked() {
        ProbeSettings d = ProbeSettings.fromEnv(Map.of());
        assertEquals(Duration.ofSeconds(2), d.budget());
        assertEquals(Duration.ofMillis(1600), d.probeTimeout());
        assertEquals(Duration.ofMillis(1800), d.roundTimeout());
        ProbeSettings s = ProbeSettings.fromEnv(Map.of(ProbeSettings.BUDGET, "500", ProbeSettings.CACHE, "0",
                ProbeSettings.BREAKER_FAILURES, "5", ProbeSettings.BREAKER_COOLDOWN, "1000", ProbeSettings.QUEUE_GAP, "250"));
        assertEquals(new ProbeSettings(Duration.ofMillis(500), Duration.ZERO, 5, Duration.ofSeconds(1), Duration.ofMillis(250)), s);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProbeSettings.fromEnv(Map.of(ProbeSettings.BUDGET, "2s")));
        assertTrue(e.getMessage().contains(ProbeSettings.BUDGET), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProbeSettings.fromEnv(Map.of(ProbeSettings.BUDGET, "10")));
        assertThrows(IllegalArgumentException.class, () -> ProbeSettings.fromEnv(Map.of(ProbeSettings.BREAKER_FAILURES, "0")));
    }
}
