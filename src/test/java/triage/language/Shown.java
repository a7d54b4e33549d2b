package triage.language;

import java.util.stream.Collectors;

/** A text's readings as the language tests write them: each symptom present (+) or absent (-), sorted. */
final class Shown {
    private Shown() {}

    static String readings(Interpreter in, String text) {
        return in.read(text).readings().stream()
                .map(r -> r.getSymptom() + (r.isPresent() ? "+" : "-"))
                .distinct().sorted().collect(Collectors.joining(" "));
    }
}
