package triage.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.Fixtures;
import triage.engine.RulebookCache;
import triage.engine.RulebookCompiler;
import triage.engine.RulebookException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What lexicon.yaml may say: a way of saying something means one concept, and reads the same on every start. */
class LexiconFileTest {
    @TempDir Path dir;

    @Test
    void a_word_listed_under_two_concepts_is_refused_naming_both() throws Exception {
        Fixtures.copyRunbooks(dir);
        Path lexicon = dir.resolve("knowledge/lexicon.yaml");
        String text = Files.readString(lexicon);
        assertTrue(text.contains("\n  restart: ["), "the shipped lexicon no longer has a restart concept");
        Files.writeString(lexicon, text.replace("\n  restart: [", "\n  restart: [kicked out, "));
        RulebookException e = assertThrows(RulebookException.class,
                () -> new RulebookCompiler(RulebookCache.off()).load(dir.resolve("rules"), dir.resolve("knowledge")));
        assertTrue(e.getMessage().contains("'kicked out' is listed under both 'remove' and 'restart'"), e.getMessage());
    }

    @Test
    void a_class_inside_a_choice_is_refused_naming_the_phrase() throws Exception {
        // "(red|@fail)" once read as the words "red" or "fail": a class in a choice is an authoring slip
        Fixtures.copyRunbooks(dir);
        Path symptoms = dir.resolve("knowledge/symptoms.yaml");
        String text = Files.readString(symptoms);
        assertTrue(text.contains("\"(kubernetes|k8s) dashboard (red|fail)\""), "the shipped symptoms no longer have the dashboard phrase");
        Files.writeString(symptoms, text.replace("\"(kubernetes|k8s) dashboard (red|fail)\"", "\"(kubernetes|k8s) dashboard (red|@fail)\""));
        RulebookException e = assertThrows(RulebookException.class,
                () -> new RulebookCompiler(RulebookCache.off()).load(dir.resolve("rules"), dir.resolve("knowledge")));
        assertTrue(e.getMessage().contains("choice '@fail' in phrase '(kubernetes|k8s) dashboard (red|@fail)' is a class"), e.getMessage());
    }

    @Test
    void concepts_keep_the_order_of_the_file() {
        java.util.Map<String, List<String>> in = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 40; i++) in.put("concept" + (39 - i), List.of("way" + i));
        Lexicon lx = new Lexicon(null, null, null, null, null, null, null, null, in, null, null, null);
        assertEquals(List.copyOf(in.keySet()), List.copyOf(lx.synonyms().keySet()));
    }

    @Test
    void retraction_words_are_validated() throws Exception {
        Fixtures.copyRunbooks(dir);
        Path lexicon = dir.resolve("knowledge/lexicon.yaml");
        String text = Files.readString(lexicon);
        assertTrue(text.contains("\n  planned_events: ["), "the shipped lexicon no longer lists planned events");
        Files.writeString(lexicon, text.replace("\n  planned_events: [", "\n  planned_events: [Fire Drill!, ")
                .replaceAll("\n  wrong_places: \\[[^\\]]*\\]", ""));
        RulebookException e = assertThrows(RulebookException.class,
                () -> new RulebookCompiler(RulebookCache.off()).load(dir.resolve("rules"), dir.resolve("knowledge")));
        assertTrue(e.getMessage().contains("retractions.planned_events: 'Fire Drill!' is not lower-case words"), e.getMessage());
        assertTrue(e.getMessage().contains("retractions: wrong_verbs, wrong_kinds, wrong_places make one pattern"), e.getMessage());
    }
}
