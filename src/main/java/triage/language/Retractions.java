package triage.language;

import triage.knowledge.Lexicon;

import java.util.List;
import java.util.Locale;
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
    private final Pattern pattern;

    Retractions(Lexicon.Retractions words) {
        List<String> shapes = new java.util.ArrayList<>();
        if (!words.phrases().isEmpty()) shapes.add(anyOf(words.phrases()));
        if (!words.ownSide().isEmpty()) {
            shapes.add("it was (?:just |only |all )?(?:on )?(?:my|our) (?:own |local |office |home )?" + anyOf(words.ownSide()));
        }
        if (!words.wrongVerbs().isEmpty()) {
            shapes.add(anyOf(words.wrongVerbs()) + " (?:the |a )?" + anyOf(words.wrongKinds()) + " " + anyOf(words.wrongPlaces()));
        }
        if (!words.plannedKinds().isEmpty()) {
            String sort = words.plannedSorts().isEmpty() ? "" : "(?:" + anyOf(words.plannedSorts()) + " )?";
            shapes.add(anyOf(words.plannedKinds()) + " " + sort + anyOf(words.plannedEvents()));
        }
        this.pattern = shapes.isEmpty() ? null : Pattern.compile("\\b(?:" + String.join("|", shapes) + ")\\b");
    }

    /** Any one of {@code words}, longest first ("browser cache" before "browser"), each space any run of spaces. */
    private static String anyOf(List<String> words) {
        return words.stream().sorted((a, b) -> b.length() - a.length())
                .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|", "(?:", ")"));
    }

    /** Whether {@code text} takes back what was reported before it. */
    boolean retracts(String text) {
        return pattern != null && text != null
                && pattern.matcher(text.toLowerCase(Locale.ROOT).replace('\u2019', '\'')).find();
    }
}
