package triage.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Ordinary English words, which typo correction never rewrites ("floor" is not "flood"). The list
 * is SCOWL's American English list as Debian ships it in {@code wamerican}
 * (/usr/share/dict/american-english), lower-cased, letters only; its copyright notice is
 * {@code english-words.COPYRIGHT} beside it.
 */
final class EnglishWords {
    private EnglishWords() {}

    /** Loaded once, on first use; immutable. */
    private static final class Holder {
        static final Set<String> WORDS = load();
    }

    static boolean contains(String lowerWord) { return Holder.WORDS.contains(lowerWord); }

    static int size() { return Holder.WORDS.size(); }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(110_000);
        try (InputStream in = EnglishWords.class.getResourceAsStream("english-words.txt")) {
            if (in == null) throw new IllegalStateException("english-words.txt is missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) if (!line.isBlank()) words.add(line.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
