package triage.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.testing.Servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's ticket recipes, sent exactly as each builds its request: Jira Automation's custom
 * data with its smart values filled in as Jira fills them, and ServiceNow's business rule's body
 * built as its script builds it. The bodies are read from the README, so the recipe and the test
 * cannot drift apart. Also the forms {@code Accept} chooses between.
 */
class TicketRecipesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "ticket-token";
    private static final String SUMMARY = "Nobody can log in to backoffice since 9:00";
    private static final String DESCRIPTION = "Users see \"invalid session\",\nand requests are reaching the api.";

    private record Reply(int status, String type, String body) {}

    private static Reply post(HttpClient c, String body, Map<String, String> headers) throws IOException {
        try (Response r = c.request("/api/diagnose", b -> {
            b.post(RequestBody.create(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), MediaType.get("application/json")));
            headers.forEach(b::header);
        })) {
            return new Reply(r.code(), r.header("Content-Type"), r.body() == null ? "" : r.body().string());
        }
    }

    /** The code block after {@code <!-- recipe:NAME -->} in the README. */
    static String recipe(String name) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("<!-- recipe:" + name + " -->\\s*```\\w*\\n(.*?)\\n```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README has the " + name + " recipe");
        return m.group(1);
    }

    /** Jira's {@code jsonEncode}: the text escaped for a JSON string, without the quotes. */
    private static String jsonEncode(String s) throws IOException {
        String quoted = JSON.writeValueAsString(s);
        return quoted.substring(1, quoted.length() - 1);
    }

    /** Jira's {@code abbreviate(n)} (Apache Commons' StringUtils.abbreviate): at most n characters, "..." when cut. */
    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }

    /** The Jira custom data with the smart values of one issue filled in (an empty field renders as nothing). */
    private static String jiraBody(String summary, String description) throws IOException {
        String template = recipe("jira");
        Matcher m = Pattern.compile("\\{\\{issue\\.description\\.abbreviate\\((\\d+)\\)\\.jsonEncode}}").matcher(template);
        assertTrue(m.find(), template);
        int max = Integer.parseInt(m.group(1));
        String body = template.replace("{{issue.summary.jsonEncode}}", jsonEncode(summary))
                .replace(m.group(), jsonEncode(abbreviate(description, max)));
        assertFalse(body.contains("{{"), "every smart value is filled: " + body);
        return body;
    }

    /** What the ServiceNow business rule's script sends for one incident. */
    private static String serviceNowBody(String shortDescription, String description) throws IOException {
        String script = recipe("servicenow");
        Matcher cut = Pattern.compile("\\(current\\.short_description \\+ '\\. ' \\+ current\\.description\\)\\.substring\\(0, (\\d+)\\)")
                .matcher(script);
        assertTrue(cut.find(), script);
        assertTrue(script.contains("JSON.stringify({observations: [text], probe: true})"), script);
        String text = shortDescription + ". " + description;
        text = text.substring(0, Math.min(text.length(), Integer.parseInt(cut.group(1))));
        ObjectNode body = JSON.createObjectNode();
        body.putArray("observations").add(text);
        body.put("probe", true);
        return JSON.writeValueAsString(body);
    }

    /** The headers both recipes set. */
    private static Map<String, String> recipeHeaders() {
        return Map.of("Content-Type", "application/json", "Accept", "text/plain", "Authorization", "Bearer " + TOKEN);
    }

    private static void serve(io.javalin.testtools.TestCase test) {
        JavalinTest.test(Servers.http(Fixtures.triage(), HttpServer.Options.of(TOKEN)).create(), test);
    }

    @Test
    void jira_send_web_request_gets_a_plain_comment_naming_the_cause_and_its_rules() {
        serve((server, c) -> {
            Reply r = post(c, jiraBody(SUMMARY, DESCRIPTION), recipeHeaders());
            assertEquals(200, r.status(), r.body());
            assertTrue(r.type().startsWith("text/plain"), r.type());
            assertTrue(r.body().matches("(?s)Triage: likely cause: RethinkDB failure \\(confidence 0\\.\\d\\d\\)\n.*"), r.body());
            assertTrue(r.body().contains("Why: login fails; requests reach the services"), r.body());
            assertTrue(r.body().contains("Remedy: "), r.body());
            assertTrue(r.body().matches("(?s).*\\nRules:\\n- \\S+\\.drl:\\d+ .*"), r.body());
            assertFalse(r.body().contains("**") || r.body().contains("{\""), "plain, not markdown or JSON: " + r.body());
        });
    }

    @Test
    void jira_issue_without_description_or_with_a_huge_one_still_gets_an_answer() {
        serve((server, c) -> {
            Reply empty = post(c, jiraBody(SUMMARY, ""), recipeHeaders());
            assertEquals(200, empty.status(), empty.body());
            assertTrue(empty.body().contains("likely cause"), empty.body());
            Reply huge = post(c, jiraBody("x".repeat(255), "the login page fails. " + "y".repeat(10_000)), recipeHeaders());
            assertEquals(200, huge.status(), "summary at Jira's 255 and the description cut: under the 2000 limit; " + huge.body());
        });
    }

    @Test
    void servicenow_business_rule_gets_a_plain_work_note() {
        serve((server, c) -> {
            Reply r = post(c, serviceNowBody(SUMMARY, DESCRIPTION), recipeHeaders());
            assertEquals(200, r.status(), r.body());
            assertTrue(r.type().startsWith("text/plain"), r.type());
            assertTrue(r.body().startsWith("Triage: likely cause: RethinkDB failure"), r.body());
            Reply huge = post(c, serviceNowBody("login fails", "z".repeat(50_000)), recipeHeaders());
            assertEquals(200, huge.status(), huge.body());
            Reply noToken = post(c, serviceNowBody(SUMMARY, DESCRIPTION), Map.of("Accept", "text/plain"));
            assertEquals(401, noToken.status(), "the token still applies: " + noToken.body());
        });
    }

    @Test
    void markdown_escapes_what_was_written_and_json_stays_the_default() {
        serve((server, c) -> {
            String body = "{\"observations\": [\"can't log in\", \"requests are reaching the api\", \"[click](http://evil) **now**\"]}";
            Map<String, String> auth = Map.of("Authorization", "Bearer " + TOKEN);
            Reply md = post(c, body, Map.of("Authorization", "Bearer " + TOKEN, "Accept", "text/markdown"));
            assertEquals(200, md.status(), md.body());
            assertTrue(md.type().startsWith("text/markdown"), md.type());
            assertTrue(md.body().matches("(?s)\\*\\*Triage: likely cause: RethinkDB failure\\*\\* \\(confidence 0\\.\\d\\d\\)\n.*"), md.body());
            assertTrue(md.body().contains("**Rules:**\n- `"), md.body());
            assertTrue(md.body().contains("\\[click\\]\\(http://evil\\) \\*\\*now\\*\\*"), "written text is escaped: " + md.body());

            for (Map<String, String> headers : java.util.List.of(auth,
                    Map.of("Authorization", "Bearer " + TOKEN, "Accept", "*/*"),
                    Map.of("Authorization", "Bearer " + TOKEN, "Accept", "application/json, text/plain;q=0.5"),
                    Map.of("Authorization", "Bearer " + TOKEN, "Accept", "text/html"))) {
                Reply json = post(c, body, headers);
                assertEquals(200, json.status(), json.body());
                assertTrue(json.type().startsWith("application/json"), headers + " -> " + json.type());
                JsonNode tree = JSON.readTree(json.body());
                assertEquals("rethinkdb", tree.get("causes").get(0).get("component").asText());
            }
            Reply preferred = post(c, body, Map.of("Authorization", "Bearer " + TOKEN, "Accept", "application/json;q=0.5, text/plain"));
            assertTrue(preferred.type().startsWith("text/plain"), preferred.type());
            Reply bad = post(c, "{\"observations\": []}", Map.of("Authorization", "Bearer " + TOKEN, "Accept", "text/plain"));
            assertEquals(400, bad.status(), "errors stay JSON: " + bad.body());
            assertTrue(JSON.readTree(bad.body()).has("error"));
        });
    }

    @Test
    void accept_is_read_by_quality_then_order() {
        assertEquals(null, Accepts.ticketStyle(null));
        assertEquals(null, Accepts.ticketStyle("*/*"));
        assertEquals(triage.render.TicketText.Style.PLAIN, Accepts.ticketStyle("text/plain, */*;q=0.1"));
        assertEquals(triage.render.TicketText.Style.MARKDOWN, Accepts.ticketStyle("text/plain;q=0.4, text/markdown;q=0.9"));
        assertEquals(triage.render.TicketText.Style.MARKDOWN, Accepts.ticketStyle("TEXT/Markdown; charset=utf-8"));
        assertEquals(null, Accepts.ticketStyle("text/plain;q=0"));
        assertEquals(null, Accepts.ticketStyle("text/plain;q=abc"));
    }
}
