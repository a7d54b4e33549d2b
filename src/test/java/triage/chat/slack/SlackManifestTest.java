package triage.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bot/slack/manifest.yaml has what Slack needs to install the app as is, pointing at the adapter's paths. */
class SlackManifestTest {
    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void the_manifest_installs_the_bot_with_the_adapters_paths_and_scopes() throws Exception {
        JsonNode m = new ObjectMapper(new YAMLFactory()).readTree(Path.of("bot/slack/manifest.yaml").toFile());
        assertEquals("Triage", m.at("/display_information/name").asText());
        assertTrue(m.at("/display_information/description").asText().length() <= 140);
        assertEquals("Triage", m.at("/features/bot_user/display_name").asText());
        assertTrue(m.at("/features/app_home/messages_tab_enabled").asBoolean(), "people can DM the bot");
        JsonNode command = m.at("/features/slash_commands/0");
        assertEquals("/triage", command.path("command").asText());
        assertTrue(!command.path("description").asText().isBlank() && !command.path("usage_hint").asText().isBlank());
        assertTrue(strings(m.at("/oauth_config/scopes/bot"))
                .containsAll(List.of("app_mentions:read", "chat:write", "commands", "im:history")));
        assertTrue(strings(m.at("/settings/event_subscriptions/bot_events")).containsAll(List.of("app_mention", "message.im")));
        assertTrue(m.at("/settings/interactivity/is_enabled").asBoolean());
        assertTrue(m.at("/settings/socket_mode_enabled").asBoolean(), "Socket Mode first: no public URL needed");

        List<URI> urls = List.of(URI.create(command.path("url").asText()),
                URI.create(m.at("/settings/event_subscriptions/request_url").asText()),
                URI.create(m.at("/settings/interactivity/request_url").asText()));
        assertEquals(List.of("/slack/commands", "/slack/events", "/slack/interactions"), urls.stream().map(URI::getPath).toList());
        for (URI u : urls) {
            assertEquals("https", u.getScheme());
            assertEquals("triage.example.com", u.getHost(), "one placeholder host to replace");
        }
    }
}
