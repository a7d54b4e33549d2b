package triage.engine;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.knowledge.Knowledge;
import triage.util.Digests;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Compiled rule bases on disk, so a start with unchanged runbooks skips compiling {@code .drl}
 * (seconds; most of a cold start) and re-running the scenarios.
 *
 * <p>An entry is keyed by a hash of everything its content follows from: the name, path and
 * bytes of every rule and knowledge file, and the code that compiled and judged it (the jar or
 * class directory Triage runs from, by size and modification time). Any edit, or a new build,
 * gives a new key, so an entry is never stale, only unused; the oldest are pruned. An entry
 * holds the knowledge as read from YAML (first, so it can be used while the rest is read), the
 * compiled Drools packages and the rule index; beside it, once they ran, the scenarios' failures. A cache that cannot be read or written is skipped: it only ever saves time.
 *
 * <p>The directory is the configuration's ({@code app.Config#cacheDir}: {@code $TRIAGE_CACHE}, else
 * {@code $XDG_CACHE_HOME/triage}, else {@code ~/.cache/triage}; {@code TRIAGE_CACHE=off} turns caching off). Entries are Java
 * serialization: the directory must be writable by its owner only (it is created so).
 */
public final class RulebookCache {
    private static final Logger log = LoggerFactory.getLogger(RulebookCache.class);
    private static final String FORMAT = "triage-rulebook-cache 3";
    /** Entries kept: a few edits back and forth, without growing without bound. */
    private static final int KEEP = 8;

    private final Path dir;

    private RulebookCache(Path dir) {
        this.dir = dir;
    }

    /** A cache in {@code dir}. */
    public static RulebookCache in(Path dir) { return new RulebookCache(dir); }

    /** No caching: every load compiles. */
    public static RulebookCache off() { return new RulebookCache(null); }

    boolean enabled() { return dir != null; }

    /** The directory, null when off. */
    Path dir() { return dir; }

    /** What a compile produced and a later start can reuse. */
    record Entry(Knowledge knowledge, List<KiePackage> packages, List<RuleInfo> rules) {}

    /**
     * The key of a set of inputs: each file's path and length, in order, the digest of their
     * names and bytes ({@code contents}, the one the revision is taken from: the bytes are hashed
     * once, which in a JVM just started is tens of milliseconds), and the running code.
     */
    static String key(Map<Path, byte[]> files, byte[] contents) {
        MessageDigest d = Digests.sha256();
        d.update(FORMAT.getBytes(StandardCharsets.UTF_8));
        d.update(codeIdentity().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            d.update((byte) 0);
            d.update(f.getKey().toString().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(Integer.toString(f.getValue().length).getBytes(StandardCharsets.UTF_8));
        }
        d.update((byte) 0);
        d.update(contents);
        return HexFormat.of().formatHex(d.digest());
    }

    /**
     * The entry for {@code key}, or null. Its knowledge is handed to {@code knowledgeFirst} as soon as
     * it is read, before the packages are (a caller can build on it meanwhile); it is not called when
     * there is no entry or its knowledge cannot be read.
     */
    Entry read(String key, Consumer<Knowledge> knowledgeFirst) {
        if (dir == null) return null;
        Path file = dir.resolve(key + ".kb");
        if (!Files.isRegularFile(file)) return null;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DroolsObjectInputStream in = new DroolsObjectInputStream(raw, RulebookCache.class.getClassLoader())) {
            if (!FORMAT.equals(in.readUTF()) || !key.equals(in.readUTF())) return null;
            Knowledge knowledge = (Knowledge) in.readObject();
            knowledgeFirst.accept(knowledge);
            int n = in.readInt();
            List<KiePackage> packages = new ArrayList<>(n);
            for (int i = 0; i < n; i++) packages.add((KiePackage) in.readObject());
            int r = in.readInt();
            List<RuleInfo> rules = new ArrayList<>(r);
            for (int i = 0; i < r; i++) rules.add(RuleInfoCodec.read(in));
            touch(file);
            return new Entry(knowledge, packages, rules);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            log.warn("rule cache entry {} is unusable, compiling instead: {}", file, e.toString());
            delete(file);
            return null;
        }
    }

    void write(String key, Entry entry) {
        if (dir == null || Files.isRegularFile(dir.resolve(key + ".kb"))) return;  // written already: same key, same content
        try {
            ensureDir();
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 DroolsObjectOutputStream out = new DroolsObjectOutputStream(raw)) {
                out.writeUTF(FORMAT);
                out.writeUTF(key);
                out.writeObject(entry.knowledge());
                out.writeInt(entry.packages().size());
                for (KiePackage p : entry.packages()) out.writeObject(p);
                out.writeInt(entry.rules().size());
                for (RuleInfo r : entry.rules()) RuleInfoCodec.write(out, r);
            } catch (IOException | RuntimeException e) {
                delete(tmp);
                throw e;
            }
            move(tmp, dir.resolve(key + ".kb"));
            prune();
        } catch (IOException | RuntimeException e) {
            log.debug("rule cache not written to {}: {}", dir, e.toString());
        }
    }

    /** The scenarios' failures recorded for {@code key}, or null when they have not run. */
    List<String> scenarioFailures(String key) {
        if (dir == null || key == null) return null;
        Path file = dir.resolve(key + ".scenarios");
        try {
            if (!Files.isRegularFile(file)) return null;
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(FORMAT + " " + key)) return null;
            List<String> out = new ArrayList<>();
            // one failure a line; a failure's own line breaks are kept escaped
            for (String l : lines.subList(1, lines.size())) out.add(l.replace("\\n", "\n").replace("\\\\", "\\"));
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void writeScenarioFailures(String key, List<String> failures) {
        if (dir == null || key == null) return;
        try {
            ensureDir();
            StringBuilder sb = new StringBuilder(FORMAT).append(' ').append(key).append('\n');
            for (String f : failures) sb.append(f.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            move(tmp, dir.resolve(key + ".scenarios"));
        } catch (IOException | RuntimeException e) {
            log.debug("scenario results not cached in {}: {}", dir, e.toString());
        }
    }

    private void ensureDir() throws IOException {
        if (Files.isDirectory(dir)) return;
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException ignored) {
            // only used to prune the least recently used
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a later write replaces it
        }
    }

    /** Keeps the {@value #KEEP} most recently used entries (and their scenario results). */
    private void prune() {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> entries = s.filter(p -> p.getFileName().toString().endsWith(".kb"))
                    .sorted(Comparator.comparing(RulebookCache::modified).reversed()).toList();
            for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) {
                String name = old.getFileName().toString();
                delete(old);
                delete(dir.resolve(name.substring(0, name.length() - 3) + ".scenarios"));
            }
        } catch (IOException | RuntimeException ignored) {
            // pruning is housekeeping
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** The code that compiles and judges: a new build is a new key. */
    private static String codeIdentity() {
        return codeIdentity(RulebookCache.class) + " | " + codeIdentity(DroolsObjectInputStream.class);
    }

    private static String codeIdentity(Class<?> c) {
        try {
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) return "unknown";
            Path p = Path.of(cs.getLocation().toURI());
            if (Files.isRegularFile(p)) return p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
            Map<String, String> files = new LinkedHashMap<>();
            try (Stream<Path> s = Files.walk(p)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    files.put(p.relativize(f).toString(), Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis());
                }
            }
            return p + " " + files;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown " + System.nanoTime();  // unknown code: never reuse
        }
    }

}
