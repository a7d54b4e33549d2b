package triage.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bot/teams/package writes an app package Teams takes: the manifest filled in, the two icons at their sizes. */
class TeamsManifestTest {
    private static final String APP_ID = "8e2c6a0b-1f4e-4b6a-9c3d-2a5f7e9b1c04";

    private static int run(Path out, String appId) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "bot/teams/package", out.toString()).redirectErrorStream(true);
        pb.environment().put("TEAMS_APP_ID", appId);
        pb.environment().put("TRIAGE_HOST", "triage.example.com");
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue();
    }

    @Test
    void the_package_script_writes_the_manifest_and_icons_teams_needs() throws Exception {
        Path dir = Files.createTempDirectory("teams-package");
        Path zip = dir.resolve("triage.zip");
        assertEquals(0, run(zip, APP_ID));
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) files.put(e.getName(), in.readAllBytes());
        }
        assertEquals(Map.of("manifest.json", 0, "color.png", 0, "outline.png", 0).keySet(), files.keySet(), "all at the root");
        JsonNode m = new ObjectMapper().readTree(files.get("manifest.json"));
        assertTrue(m.path("$schema").asText().endsWith("/v" + m.path("manifestVersion").asText() + "/MicrosoftTeams.schema.json"));
        assertEquals(APP_ID, m.path("id").asText());
        JsonNode bot = m.path("bots").path(0);
        assertEquals(APP_ID, bot.path("botId").asText());
        List<String> scopes = new ObjectMapper().convertValue(bot.path("scopes"), List.class);
        assertTrue(scopes.containsAll(List.of("personal", "team", "groupChat")), "1:1, channels and group chats");
        assertTrue(m.path("name").path("short").asText().length() <= 30);
        assertTrue(m.path("description").path("short").asText().length() <= 80);
        assertTrue(m.path("description").path("full").asText().length() <= 4000);
        assertFalse(new String(files.get("manifest.json")).contains("{{"), "no placeholder left");
        assertEquals(List.of(192, 192), size(files.get("color.png")));
        assertEquals(List.of(32, 32), size(files.get("outline.png")));
        // a value that is not an app id is refused, and nothing is written
        Path bad = dir.resolve("bad.zip");
        assertEquals(2, run(bad, "not-a-guid"));
        assertFalse(Files.exists(bad));
    }

    /** A PNG's width and height, from its IHDR. */
    private static List<Integer> size(byte[] png) {
        assertEquals(0x89, png[0] & 0xff);
        assertEquals("IHDR", new String(png, 12, 4));
        ByteBuffer b = ByteBuffer.wrap(png, 16, 8);
        return List.of(b.getInt(), b.getInt());
    }
}
