package triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import triage.testing.Servers;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.conversation.Turn;
import triage.engine.Answer;
import triage.engine.Said;
import triage.engine.Triage;
import triage.http.HttpServer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every channel takes the one path, Triage.answer: the same words give the same diagnosis wherever they come in. */
class OnePathTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAID = "nobody can log in to backoffice";

    /** Causes as the API lists them: component and confidence, in order. */
    private static List<String> causes(JsonNode causes) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : causes) out.add(c.get("component").asText() + " " + c.get("confidence").asDouble());
        return out;
    }

    @Test
    void the_same_text_gives_the_same_diagnosis_over_http_in_a_conversation_and_from_ask() throws Exception {
        Triage triage = Fixtures.triage();
        Answer direct = triage.answer(Said.text(SAID));
        List<String> expected = direct.diagnosis().causes().stream().map(c -> c.component() + " " + c.confidence()).toList();
        assertEquals("rethinkdb", direct.diagnosis().top().component());

        Conversations conversations = new Conversations(triage, new MemoryStore(10, Duration.ofHours(1), Clock.systemUTC()),
                Clock.systemUTC());
        AtomicReference<JsonNode> answered = new AtomicReference<>();
        JavalinTest.test(Servers.http(triage, conversations, HttpServer.Options.of(null)).create(), (server, c) -> {
            try (Response r = c.request("/api/diagnose", b -> b.post(RequestBody.create("{\"observations\": [\"" + SAID + "\"]}",
                    MediaType.get("application/json"))))) {
                String body = r.body() == null ? "" : r.body().string();
                assertEquals(200, r.code(), body);
                answered.set(JSON.readTree(body));
            }
        });
        JsonNode http = answered.get();
        assertEquals(expected, causes(http.get("causes")));
        assertEquals(direct.diagnosis().nextChecks().get(0).id(), http.get("nextChecks").get(0).get("id").asText());
        assertEquals("login fails", http.get("understood").get(0).get("label").asText(), "the label comes from the knowledge");

        Turn turn = conversations.handle("one-path", SAID);
        assertEquals(expected, turn.diagnosis().causes().stream().map(c -> c.component() + " " + c.confidence()).toList());
        assertEquals(direct.diagnosis().nextChecks(), turn.diagnosis().nextChecks());

        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine("ask");
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute("ask", "--json", SAID));
        JsonNode ask = JSON.readTree(out.toString());
        assertEquals(expected, causes(ask.get("causes")));
        assertEquals(http.get("nextChecks"), ask.get("nextChecks"));
        assertEquals(http.get("understood"), ask.get("understood"));
    }

    @Test
    void a_short_reply_answers_the_open_question_inside_the_one_path() {
        Triage triage = Fixtures.triage();
        Answer first = triage.answer(Said.text(SAID));
        String asked = first.diagnosis().nextChecks().get(0).id();

        Answer reply = triage.answer(Said.text("nope").inConversation(first.observations(), first.runbooks(), asked));
        assertTrue(reply.answeredQuestion());
        assertEquals(asked, reply.heard().get(0).getSymptom());
        assertFalse(reply.heard().get(0).isPresent());
        assertEquals("answer", reply.heard().get(0).getSource());
        assertEquals(List.of(), reply.unrecognized(), "a reply is not an unrecognized text");
        assertEquals(2, reply.observations().size(), "remembered and answered: " + reply.observations());

        Answer alone = triage.answer(Said.text("nope"));
        assertFalse(alone.answeredQuestion());
        assertEquals(List.of("nope"), alone.unrecognized(), "without an open question a bare no says nothing");
        assertNull(alone.probes(), "no live check was asked for");
    }

    @Test
    void the_latest_word_on_a_symptom_wins_over_what_the_conversation_remembered() {
        Triage triage = Fixtures.triage();
        Answer before = triage.answer(Said.text("login fails"));
        Answer after = triage.answer(Said.text("actually login works").inConversation(before.observations(), before.runbooks(), null));
        assertEquals(1, after.observations().stream().filter(o -> o.getSymptom().equals("login-works")).count());
        assertTrue(after.observations().stream().filter(o -> o.getSymptom().equals("login-works")).findFirst().orElseThrow().isPresent());
    }
}
