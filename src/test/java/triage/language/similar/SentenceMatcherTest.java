package triage.language.similar;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import triage.Fixtures;
import triage.engine.Rulebook;
import triage.model.Maybe;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped examples against sentences no phrase reads; the model loads once for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentenceMatcherTest {
    private Rulebook rb;
    private Encoder encoder;
    private SentenceMatcher matcher;

    @BeforeAll
    void load() {
        rb = Fixtures.shipped();
        encoder = new Encoder();
        matcher = SentenceMatcher.of(rb.knowledge(), rb.cues(), encoder);
    }

    private Recall.Result recall(Thresholds t, String... texts) {
        return new Recall(encoder, t).read(rb.knowledge(), matcher, List.of(texts));
    }

    @Test
    void a_paraphrase_no_phrase_reads_comes_nearest_its_symptom_above_the_accept_threshold() {
        assertTrue(rb.interpreter().read("db utilisation is very high").readings().isEmpty(), "the phrases read it already");
        SentenceMatcher.Nearest n = matcher.nearest("db utilisation is very high").orElseThrow();
        assertEquals("database-cpu-high", n.example().symptom());
        assertTrue(n.similarity() >= Thresholds.DEFAULT.accept(), "similarity " + n.similarity());
        assertTrue(matcher.present(n));
    }

    @Test
    void an_example_never_lends_a_clause_a_component_it_did_not_name() {
        // without the lexicon's subjects, "requests hanging" comes nearest an example of requests waiting on the database
        SentenceMatcher blind = SentenceMatcher.of(rb.knowledge(), rb.interpreter()::polarityAbout, encoder);
        SentenceMatcher.Nearest lent = blind.nearest("requests hanging").orElseThrow();
        assertTrue(rb.interpreter().names().subjects(lent.example().text()).contains("database"), lent.toString());
        // with them, no example that names the database reads it
        SentenceMatcher.Nearest n = matcher.nearest("requests hanging").orElseThrow();
        assertTrue(rb.interpreter().names().subjects(n.example().text()).isEmpty(), n.toString());
        // a clause that names it ("postgres" is the database) may still come nearest such an example
        SentenceMatcher.Nearest named = matcher.nearest("every request hangs waiting on postgres").orElseThrow();
        assertEquals("database-blocking", named.example().symptom(), named.toString());
        // nor does one that names core read a clause about other nodes ("no core instances" is core's)
        SentenceMatcher.Nearest nodes = matcher.nearest("the other nodes get everything").orElseThrow();
        assertTrue(!rb.interpreter().names().subjects(nodes.example().text()).contains("core"), nodes.toString());
    }

    @Test
    void a_clause_of_names_alone_or_of_a_state_of_nothing_named_is_read_by_no_example() {
        // without the language layer's word on it, each comes near an example and would take its state
        SentenceMatcher blind = SentenceMatcher.of(rb.knowledge(), rb.interpreter()::polarityAbout, encoder);
        for (String said : List.of("someone said redis", "it's down", "we checked etcd", "so we doubled the pods", "added 6 pods")) {
            assertTrue(blind.nearest(said).isPresent(), said);
            assertTrue(matcher.nearest(said).isEmpty(), said + ": " + matcher.nearest(said));
        }
        // a clause that says something of a name is still read
        assertTrue(matcher.nearest("someone said redis is refusing connections").isPresent());
    }

    @Test
    void one_request_compares_at_most_a_bounded_number_of_clauses_whatever_its_length() {
        // a body of many short unknown clauses would cost the model seconds: those past the bound stay unread
        String junk = "qwerty asdfgh, ".repeat(Recall.MAX_CLAUSES);
        String read = "db utilisation is very high";
        assertFalse(recall(Thresholds.DEFAULT, read + ", " + junk).found().isEmpty(), "a clause within the bound is read");
        Recall.Result past = recall(Thresholds.DEFAULT, junk + read);
        assertTrue(past.found().isEmpty(), "a clause past the bound is not compared: " + past.found());
        assertEquals(List.of(junk + read), past.unread());
        // and across texts: the bound is per request, not per text
        Recall.Result later = recall(Thresholds.DEFAULT, junk, read);
        assertTrue(later.found().isEmpty(), later.found().toString());
    }

    /** Clauses the model has never seen, 250 characters each: as many as one request may have it read. */
    private static String newClauses() {
        java.util.Random r = new java.util.Random(System.nanoTime());
        StringBuilder junk = new StringBuilder();
        for (int c = 0; c < Recall.MAX_NEW_CHARS / 250; c++) {
            StringBuilder clause = new StringBuilder();
            while (clause.length() < 250) clause.append((char) ('a' + r.nextInt(26))).append(r.nextInt(5) == 0 ? " " : "");
            junk.append(clause, 0, 250).append(". ");
        }
        return junk.toString();
    }

    @Test
    void the_model_reads_a_bounded_number_of_new_characters_per_request_and_no_overlong_clause() {
        String read = "db utilisation is very high";
        assertFalse(recall(Thresholds.DEFAULT, read + ". " + newClauses()).found().isEmpty(),
                "read before the new characters are spent");
        assertFalse(recall(Thresholds.DEFAULT, newClauses() + read).found().isEmpty(),
                "a clause the model has seen (just above) costs nothing new and is still compared");
        String unseen = "the db utilisation is very very high";
        Recall.Result past = recall(Thresholds.DEFAULT, newClauses() + unseen);
        assertTrue(past.found().isEmpty(), "a new clause past the new characters is not compared: " + past.found());
        assertFalse(recall(Thresholds.DEFAULT, unseen).found().isEmpty(), "it reads on its own");
        // a clause longer than any phrasing (a pasted log line, a flood) is not compared at all
        String overlong = read + " " + "and then some more words ".repeat(Recall.MAX_CLAUSE_CHARS / 25 + 1);
        assertTrue(recall(Thresholds.DEFAULT, overlong).found().isEmpty(), "an overlong clause was compared");
    }

    @Test
    void off_topic_sentences_stay_below_the_ask_threshold() {
        for (String s : List.of("printer jammed on the 3rd floor", "can someone order more coffee for the kitchen",
                "happy birthday to the whole team", "is the office open on saturday")) {
            SentenceMatcher.Nearest n = matcher.nearest(s).orElseThrow();
            assertTrue(n.similarity() < Thresholds.DEFAULT.ask(), s + " -> " + n);
        }
        Recall.Result r = recall(Thresholds.DEFAULT, "printer jammed on the 3rd floor");
        assertTrue(r.found().isEmpty() && r.maybe().isEmpty(), r.toString());
        assertEquals(List.of("printer jammed on the 3rd floor"), r.unread());
    }

    @Test
    void polarity_comes_from_the_clause_cues_not_from_the_embedding() {
        SentenceMatcher.Nearest dead = matcher.nearest("etcd seems to be dead").orElseThrow();
        SentenceMatcher.Nearest fine = matcher.nearest("etcd looks perfectly healthy").orElseThrow();
        assertEquals("etcd-healthy", dead.example().symptom());
        assertEquals("etcd-healthy", fine.example().symptom());
        assertFalse(matcher.present(dead), "dead etcd is etcd-healthy absent");
        assertTrue(matcher.present(fine), "healthy etcd is etcd-healthy present");
        // an example whose negation is its content ("zero core instances") still turns a clause the right way
        SentenceMatcher.Nearest ok = matcher.nearest("the database cpu is perfectly fine").orElseThrow();
        assertEquals("database-cpu-high", ok.example().symptom());
        assertFalse(matcher.present(ok), "a fine cpu is database-cpu-high absent");
    }

    @Test
    void a_clause_without_cues_means_what_its_example_means() {
        SentenceMatcher.Nearest n = matcher.nearest("kubectl shows a pod in CrashLoopBackOff").orElseThrow();
        assertEquals("stack-component-down", n.example().symptom());
        assertTrue(matcher.present(n));
    }

    @Test
    void in_the_middle_band_the_reading_is_a_maybe_with_a_question_and_the_text_stays_unread() {
        Recall.Result r = recall(new Thresholds(0.99, 0.40, 0.80), "db utilisation is very high");
        assertTrue(r.found().isEmpty());
        assertEquals(1, r.maybe().size(), r.toString());
        Maybe m = r.maybe().get(0);
        assertEquals("database-cpu-high", m.symptom());
        assertTrue(m.present());
        assertEquals("Do you mean: database CPU is high?", m.question());
        assertEquals(List.of("db utilisation is very high"), r.unread());
    }

    @Test
    void each_clause_of_an_unread_text_is_compared_on_its_own() {
        Recall.Result r = recall(Thresholds.DEFAULT, "db utilisation is very high; printer jammed on the 3rd floor");
        assertEquals(1, r.found().size(), r.toString());
        assertEquals("db utilisation is very high", r.found().get(0).text());
        assertTrue(r.unread().isEmpty());
        assertEquals(List.of("a b", "c d"), Recall.clauses("a b, c d. e"));
    }

    @Test
    void a_clause_the_phrases_leave_unread_in_a_text_they_read_in_part_is_read_by_example() {
        String text = "the redis queue keeps growing, and db utilisation is very high";
        assertEquals(List.of("db utilisation is very high"), rb.interpreter().unreadClauses(text));
        triage.engine.Answer a = Fixtures.triage().withRecall(new Recall(encoder, Thresholds.DEFAULT), true)
                .answer(triage.engine.Said.texts(List.of(text)));
        List<String> heard = a.heard().stream().map(o -> o.getSymptom() + (o.isPresent() ? "+" : "-")
                + (o.getExample() == null ? "" : " by example")).toList();
        assertEquals(List.of("request-queue-growing+", "database-cpu-high+ by example"), heard);
        assertTrue(a.diagnosis().unrecognized().isEmpty(), "a text read in part is not reported unread");
    }

    @Test
    void the_answer_says_a_reading_came_from_an_example_and_how_close_it_was() throws Exception {
        triage.engine.Answer a = Fixtures.triage().withRecall(new Recall(encoder, Thresholds.DEFAULT), true)
                .answer(triage.engine.Said.texts(List.of("db utilisation is very high", "happy birthday to the whole team")));
        triage.model.Diagnosis d = a.diagnosis();
        triage.model.Observation u = d.understood().stream().filter(x -> x.getSymptom().equals("database-cpu-high")).findFirst()
                .orElseThrow(() -> new AssertionError(d.understood().toString()));
        assertEquals("example", u.getVia());
        assertEquals("db cpu utilisation is very high", u.getExample());
        assertTrue(u.getSimilarity() >= Thresholds.DEFAULT.accept());
        assertTrue(a.heard().contains(u), "the reading by example is what this message was heard to say");
        assertEquals("database", d.top().component());
        assertEquals(List.of("happy birthday to the whole team"), d.unrecognized());
        java.io.StringWriter w = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.databind.ObjectMapper().createGenerator(w)) {
            new triage.render.JsonView().write(g, d, a.knowledge(), false, null);
        }
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(w.toString());
        com.fasterxml.jackson.databind.JsonNode first = json.get("understood").get(0);
        assertTrue(json.get("maybe").isArray(), w.toString());
        boolean byExample = false;
        for (com.fasterxml.jackson.databind.JsonNode n : json.get("understood")) {
            if ("example".equals(n.path("via").asText())) {
                byExample = true;
                assertTrue(n.get("similarity").asDouble() >= Thresholds.DEFAULT.accept());
                assertEquals("db cpu utilisation is very high", n.get("example").asText());
            } else {
                assertEquals("phrase", n.path("via").asText(), first.toString());
            }
        }
        assertTrue(byExample, w.toString());
        String plain = triage.render.PlainText.render(d, true);
        assertTrue(plain.contains("by example \"db cpu utilisation is very high\" (similarity 0."), plain);
    }

    @Test
    void a_clause_seen_before_is_embedded_from_the_cache() {
        String s = "a clause only this test sends " + System.nanoTime();
        long hits = encoder.cacheHits();
        matcher.nearest(s);
        assertEquals(hits, encoder.cacheHits(), "first time: computed");
        matcher.nearest(s);
        matcher.nearest(s.toUpperCase(java.util.Locale.ROOT));
        assertEquals(hits + 2, encoder.cacheHits(), "then from the cache, whatever the case");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "\"{0}\" against \"{1}\" -> {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            // a word of state says which way, whatever negation its example holds as content
            "the api pods keep crashlooping       | the web pods will not start       | true",
            "the api pods are up and fine         | the web pods will not start       | false",
            // negations alone are compared with the example's
            "no core nodes were found             | the reply says zero core nodes    | true",
            "nobody gets in                       | nobody can sign in to backoffice  | false",
    })
    void a_word_of_state_decides_over_the_examples_negation(String clause, String example, boolean present) {
        String symptom = example.contains("pods") ? "stack-component-down" : example.contains("core") ? "execute-error-no-core" : "login-works";
        boolean examplesPresent = !symptom.equals("login-works");
        SentenceMatcher.Nearest n = new SentenceMatcher.Nearest(clause,
                new SentenceMatcher.Example(symptom, example, examplesPresent), 0.7);
        assertEquals(present, matcher.present(n));
    }
}
