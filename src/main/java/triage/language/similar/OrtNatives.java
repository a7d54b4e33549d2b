package triage.language.similar;

import ai.onnxruntime.OrtEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads ONNX Runtime's native libraries so that a start leaves nothing in the temporary directory.
 * Left to itself the library copies them into a new {@code onnxruntime-java<digits>} directory and
 * marks the files and the directory for deletion on exit, the directory last; the JVM deletes in
 * the reverse order, so the directory goes first, while the files are still in it, fails, and
 * stays behind empty, once per start. Its maintainers' advice is to place the libraries yourself
 * and name their directory in {@code onnxruntime.native.path}: here they are copied from the jar
 * into a directory of our own, loaded from there, and deleted at once (a loaded library needs no
 * file on Linux or macOS; where one does, they go on exit, files before the directory). The
 * library still makes its own directory, but puts nothing in it, so its deletion on exit holds.
 * A path the operator set already is left alone.
 */
final class OrtNatives {
    private OrtNatives() {}

    static final String PATH_PROPERTY = "onnxruntime.native.path";
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");
    private static boolean loaded;

    /** The ONNX Runtime environment, its native libraries loaded first as above. */
    static synchronized OrtEnvironment environment() {
        if (!loaded && System.getProperty(PATH_PROPERTY) == null) {
            String platform = platform();
            List<Path> placed = new ArrayList<>();
            Path dir = null;
            try {
                dir = Files.createTempDirectory("triage-onnxruntime");
                for (String library : LIBRARIES) {
                    String name = System.mapLibraryName(library).replace("jnilib", "dylib");
                    try (InputStream in = OrtNatives.class.getResourceAsStream("/ai/onnxruntime/native/" + platform + "/" + name)) {
                        if (in == null) break; // not shipped for this platform: the library finds its own
                        Path file = dir.resolve(name);
                        Files.copy(in, file);
                        placed.add(file);
                    }
                }
                if (placed.size() == LIBRARIES.size()) {
                    System.setProperty(PATH_PROPERTY, dir.toString());
                    try {
                        OrtEnvironment.getEnvironment();
                    } finally {
                        System.clearProperty(PATH_PROPERTY);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("ONNX Runtime's native libraries could not be placed", e);
            } finally {
                if (dir != null) remove(dir, placed);
            }
        }
        loaded = true;
        return OrtEnvironment.getEnvironment();
    }

    /** {@code dir} and {@code files} in it, now or (where a loaded library holds its file) on exit. */
    private static void remove(Path dir, List<Path> files) {
        List<Path> left = new ArrayList<>();
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                left.add(f);
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // deleted on exit in the reverse order of marking: the files first, then the directory
            dir.toFile().deleteOnExit();
            for (Path f : left) f.toFile().deleteOnExit();
        }
    }

    /** The library's name for this platform's folder of natives ({@code linux-x64}, {@code osx-aarch64}, ...). */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : "linux";
        String a = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64" : arch.startsWith("aarch64") ? "aarch64" : arch;
        return o + "-" + a;
    }
}
