package triage.simulate;

import org.junit.jupiter.api.Test;
import triage.Fixtures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no suspect, a web-stack conversation walks the seeds' trees; the stack's own runbook takes
 * two turns to the general one's, so its DNS check comes within the person's patience.
 */
class TreeTurnsTest {
    private final Bot bot = new ConversationBot(Fixtures.triage());

    @Test
    void a_dns_fault_with_a_vague_opening_is_asked_about_dns_in_time_to_settle() {
        Profile p = Profiles.read(List.of(Path.of("eval/faults/dev.yaml"))).stream()
                .filter(x -> x.id().equals("dns-record-missing-2")).findFirst().orElseThrow();
        List<String> asked = new ArrayList<>();
        Bot.Reply r = bot.say("turns", p.opening());
        while (!r.settled() && r.question() != null && asked.size() < 12) {
            asked.add(r.question());
            Boolean truth = p.truth(r.question());
            r = bot.say("turns", truth == null ? "not sure" : truth ? "yes" : "no");
        }
        int dns = asked.indexOf("dns-resolves-as-expected");
        assertTrue(dns >= 0 && dns < 10, "DNS asked before the general tree is spent: " + asked);
        assertEquals("dns", r.top(), asked.toString());
        assertTrue(r.settled(), "settled within twelve questions: " + asked);
    }
}
