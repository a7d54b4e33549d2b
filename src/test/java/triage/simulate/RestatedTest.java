package triage.simulate;

import org.junit.jupiter.api.Test;
import triage.Fixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What only the first message said is asked for real before it decides a conclusion. */
class RestatedTest {
    private final Bot bot = new ConversationBot(Fixtures.triage());
    /** What a person finds on a system whose pool is full while the database idles. */
    private static final Map<String, Boolean> QUIET_DATABASE_FULL_POOL = Map.ofEntries(
            Map.entry("database-blocking", true), Map.entry("database-cpu-high", false),
            Map.entry("database-disk-queue-high", false), Map.entry("slow-queries", false),
            Map.entry("connection-pool-exhausted", true), Map.entry("background-jobs-at-peak", false),
            Map.entry("memory-growing", false), Map.entry("external-api-slow", false), Map.entry("workers-blocked", true),
            Map.entry("object-storage-slow", false), Map.entry("load-above-normal", false), Map.entry("request-flood", false),
            Map.entry("all-views-slow", true), Map.entry("stack-component-down", false),
            Map.entry("dns-resolves-as-expected", true), Map.entry("health-checks-failing", true),
            Map.entry("servers-removed", true), Map.entry("short-outages", false), Map.entry("backend-down", true));


    /** Plays a conversation answering from {@code truth} ("not sure" to the rest); the replies, first one included. */
    private List<Bot.Reply> play(String id, String opening, Map<String, Boolean> truth, List<String> asked) {
        List<Bot.Reply> replies = new ArrayList<>();
        Bot.Reply r = bot.say(id, opening);
        replies.add(r);
        while (!r.settled() && r.question() != null && asked.size() < 14) {
            asked.add(r.question());
            Boolean t = truth.get(r.question());
            r = bot.say(id, t == null ? "not sure" : t ? "yes" : "no");
            replies.add(r);
        }
        return replies;
    }

    @Test
    void a_busy_database_only_the_opening_stated_is_checked_before_the_database_is_blamed() {
        // the person saw the workers wait on the database and (wrongly, or misread) a busy database;
        // what they find when asked: a quiet database and a pool at capacity
        String opening = "every worker is stuck waiting on the database and rds cpu is maxed out";
        Map<String, Boolean> truth = QUIET_DATABASE_FULL_POOL;
        List<String> asked = new ArrayList<>();
        List<Bot.Reply> replies = play("restated-db", opening, truth, asked);
        Bot.Reply first = replies.get(0);
        assertEquals("database", first.top(), "the opening alone blames the database: " + first.heard());
        assertTrue(first.heard().stream().anyMatch(h -> h.symptom().equals("database-cpu-high") && h.present()),
                "read as a busy database: " + first.heard());
        assertTrue(asked.contains("database-cpu-high"), "what only the opening said is asked for real: " + asked);
        Bot.Reply end = replies.get(replies.size() - 1);
        assertEquals("connection-pool", end.top(), "a quiet database: the pool the workers wait on: " + asked);
        assertTrue(end.settled(), asked.toString());
        assertTrue(asked.size() <= 12, asked.toString());
    }

    @Test
    void an_opening_the_answers_bear_out_still_settles_on_it() {
        String opening = "every worker is stuck waiting on the database and rds cpu is maxed out";
        // the same system, but the database is busy and its pool has room
        Map<String, Boolean> truth = new java.util.HashMap<>(QUIET_DATABASE_FULL_POOL);
        truth.putAll(Map.of("database-cpu-high", true, "slow-queries", true, "connection-pool-exhausted", false,
                "health-checks-failing", false, "servers-removed", false));
        List<String> asked = new ArrayList<>();
        List<Bot.Reply> replies = play("restated-db-true", opening, truth, asked);
        Bot.Reply end = replies.get(replies.size() - 1);
        assertEquals("database", end.top(), asked.toString());
        assertTrue(end.settled(), asked.toString());
        assertTrue(asked.size() <= 6, "a few questions: " + asked);
    }
}
