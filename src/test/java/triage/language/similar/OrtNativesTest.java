package triage.language.similar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JVM that loads the sentence model leaves nothing in its temporary directory once it exits
 * (ONNX Runtime on its own left an empty {@code onnxruntime-java<digits>} there on every start).
 * The start runs in a child JVM of its own, with a temporary directory no other process uses.
 */
class OrtNativesTest {
    /** The child: loads the model as a start does, embeds a sentence, and exits normally. */
    public static void main(String[] args) {
        float[] v = new MiniLm(1).embed("the login page is down").content().vector();
        System.out.println("dimensions " + v.length);
    }

    @Test
    void aStartThatLoadsTheModelLeavesNothingInTheTemporaryDirectory(@TempDir Path tmp) throws Exception {
        Path out = Files.createTempFile("ort-natives", ".log");
        Process p = null;
        try {
            p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), OrtNativesTest.class.getName())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not exit within 120 s");
            String log = Files.readString(out);
            assertEquals(0, p.exitValue(), log);
            assertTrue(log.contains("dimensions 384"), log);
            try (Stream<Path> left = Files.list(tmp)) {
                assertEquals(List.of(), left.map(f -> f.getFileName().toString()).toList());
            }
        } finally {
            // a child that hung is stopped by its own pid, not left behind
            if (p != null) p.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }
}
