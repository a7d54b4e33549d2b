package triage.language;

import triage.knowledge.Lexicon;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A message that takes back what came before: "false alarm", "never mind, it was my own laptop",
 * "I opened the test site by mistake" ("opened the test site"), "that was a planned drill". What was reported before it
 * was no fault of the system (the person's own device or network, the wrong address, a planned
 * test), so nothing said before it, nor the message itself, is read as an observation: the bot is
 * left unsure, as if nothing had been said. A denial of a fault in the system ("it was not the
 * database") or a fix ("restarted core, works now") is no retraction.
 *
 * <p>The words are the lexicon's ({@code retractions} in {@code knowledge/lexicon.yaml}); the
 * shapes they fill are fixed here: a phrase alone, "it was (just/only/all) (on) my/our (own/local/
 * office/home) X", "VERB (the/a) KIND PLACE", "KIND (SORT) EVENT". Matched as typed, lower-cased,
 * whole words.
 */
final class Retractions {
    /** Every shape at once; what {@link #retracts} asks when a word of the lexicon's does not begin with a letter or digit. */
    private final Pattern pattern;
    /**
     * The same shapes split by the character their leading word begins with, each keeping only the
     * leading words that begin with it: a match can only begin at a word of the text that begins
     * with one of these, and there only the few shapes keyed by its first character can match, so a
     * long text is not tried against every shape at every word. {@link #numbers} gives the place in
     * {@link #split} of each first character's; null when {@link #pattern} is used.
     */
    private final Pattern[] split;
    private final Map<Character, Integer> numbers;

    Retractions(Lexicon.Retractions words) {
        String all = shapes(words, w -> true);
        this.pattern = all == null ? null : Pattern.compile(all);
        java.util.Set<Character> firsts = new java.util.TreeSet<>();
        boolean plain = true;
        for (List<String> l : List.of(words.phrases(), words.wrongVerbs(), words.plannedKinds(), List.of("it was"))) {
            for (String w : l) {
                if (w.isEmpty() || !Character.isLetterOrDigit(w.charAt(0))) plain = false;
                else firsts.add(w.charAt(0));
            }
        }
        List<Pattern> patterns = new java.util.ArrayList<>();
        Map<Character, Integer> numbered = new HashMap<>();
        for (char c : firsts) {
            String shapes = shapes(words, w -> w.charAt(0) == c);
            if (shapes == null) continue;
            numbered.put(c, patterns.size());
            patterns.add(Pattern.compile(shapes));
        }
        boolean split = plain && pattern != null;
        this.split = split ? patterns.toArray(Pattern[]::new) : null;
        this.numbers = split ? Map.copyOf(numbered) : null;
    }

    /** The shapes as one pattern, each shape's leading words only those {@code leading} keeps; null when none is left. */
    private static String shapes(Lexicon.Retractions words, Predicate<String> leading) {
        List<String> shapes = new java.util.ArrayList<>();
        List<String> phrases = words.phrases().stream().filter(leading).toList();
        if (!phrases.isEmpty()) shapes.add(anyOf(phrases));
        if (!words.ownSide().isEmpty() && leading.test("it was")) {
            shapes.add("it was (?:just |only |all )?(?:on )?(?:my|our) (?:own |local |office |home )?" + anyOf(words.ownSide()));
        }
        List<String> verbs = words.wrongVerbs().stream().filter(leading).toList();
        if (!verbs.isEmpty()) {
            shapes.add(anyOf(verbs) + " (?:the |a )?" + anyOf(words.wrongKinds()) + " " + anyOf(words.wrongPlaces()));
        }
        List<String> kinds = words.plannedKinds().stream().filter(leading).toList();
        if (!kinds.isEmpty()) {
            String sort = words.plannedSorts().isEmpty() ? "" : "(?:" + anyOf(words.plannedSorts()) + " )?";
            shapes.add(anyOf(kinds) + " " + sort + anyOf(words.plannedEvents()));
        }
        return shapes.isEmpty() ? null : "\\b(?:" + String.join("|", shapes) + ")\\b";
    }

    /** Any one of {@code words}, longest first ("browser cache" before "browser"), each space any run of spaces. */
    private static String anyOf(List<String> words) {
        return words.stream().sorted((a, b) -> b.length() - a.length())
                .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|", "(?:", ")"));
    }

    /** Whether {@code text} takes back what was reported before it. */
    boolean retracts(String text) {
        if (pattern == null || text == null) return false;
        String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (split == null) return pattern.matcher(t).find();
        // where find() would succeed: at some index, a match beginning there (transparent bounds: the
        // leading \b sees the character before); only where a word begins with a shape's first character
        Matcher[] matchers = new Matcher[split.length];  // one each, reset by region()
        for (int i = 0, n = t.length(); i < n; i++) {
            if (i > 0 && isWordChar(t.charAt(i - 1))) continue;
            Integer k = numbers.get(t.charAt(i));
            if (k == null) continue;
            Matcher m = matchers[k];
            if (m == null) m = matchers[k] = split[k].matcher(t).useTransparentBounds(true);
            if (m.region(i, n).lookingAt()) return true;
        }
        return false;
    }

    /** A character {@code \b} counts as part of a word (it counts a few more; skipping fewer places is safe). */
    private static boolean isWordChar(char c) { return c == '_' || Character.isLetterOrDigit(c); }
}
