package triage.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/triage.service passes {@code systemd-analyze verify} without a word, and says what the README promises. */
class ServiceUnitTest {
    private static final Path UNIT = Path.of("deploy/triage.service");

    /** systemd-analyze verify's exit code and everything it printed. */
    private static String verify(Path unit) throws Exception {
        Process p = new ProcessBuilder("systemd-analyze", "verify", unit.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "systemd-analyze verify finished");
        return p.exitValue() + ":" + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void the_unit_verifies_cleanly() throws Exception {
        assertEquals("0:", verify(UNIT));
    }

    @Test
    void a_mistake_in_the_unit_is_caught_by_the_same_check(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("triage.service");
        Files.writeString(bad, Files.readString(UNIT).replace("Restart=on-failure", "Restart=sometimes"));
        assertTrue(verify(bad).contains("Failed to parse service restart specifier"), verify(bad));
    }

    @Test
    void dedicated_user_read_only_but_its_cache_environment_file_restart_and_usr1() throws Exception {
        List<String> lines = Files.readAllLines(UNIT);
        for (String line : List.of("User=triage", "Group=triage", "ProtectSystem=strict", "ProtectHome=yes", "CacheDirectory=triage",
                "Environment=TRIAGE_CACHE=/var/cache/triage", "EnvironmentFile=/etc/triage/triage.env", "Restart=on-failure",
                "NoNewPrivileges=yes")) {
            assertTrue(lines.contains(line), "the unit has " + line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("#") && l.contains("SIGUSR1")), "kill -USR1 is documented");
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("ReadWritePaths")), "nothing writable but the cache");
        assertTrue(Files.readString(Path.of("deploy/triage.sysusers")).startsWith("#"));
    }

    /** The class archive is made in the cache when missing or stale, by the script the install copies, and used quietly. */
    @Test
    void the_class_archive_is_written_into_the_cache_before_a_start_and_used_without_a_word() throws Exception {
        List<String> lines = Files.readAllLines(UNIT);
        assertTrue(lines.contains("ExecStartPre=-/bin/sh /opt/triage/dump-class-archive /opt/triage/triage.jar /var/cache/triage/triage.jsa"));
        String start = lines.stream().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
        assertTrue(start.startsWith("ExecStart=/usr/bin/java -XX:SharedArchiveFile=/var/cache/triage/triage.jsa -Xlog:cds=off,cds+dynamic=off "), start);
        assertTrue(lines.contains("Environment=JAVA=/usr/bin/java"), "the archive is the JVM's of ExecStart");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("#") && l.contains("cp target/triage.jar deploy/dump-class-archive /opt/triage/")),
                "the install copies the script");
        assertTrue(Files.isExecutable(Path.of("deploy/dump-class-archive")));
    }
}
