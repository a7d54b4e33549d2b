package triage.language;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SpellerTest {
    private final Speller speller = speller(List.of("login", "logging", "load", "land", "balancer", "cache", "catch"));

    /** A speller for these words, each with its stem (as the analyzer hands them over). */
    static Speller speller(List<String> words) {
        Map<String, String> stems = new LinkedHashMap<>();
        for (String w : words) stems.put(w, Analyzer.stem(w));
        return new Speller(stems);
    }

    @Test
    void a_doubled_letter_and_swapped_neighbours_cost_less_than_other_slips() {
        assertEquals("login", speller.correct("loggin"), "a doubled letter is half a slip: login before logging");
        assertEquals("load", speller.correct("laod"), "swapped neighbours: load before land");
        assertEquals("balancer", speller.correct("balnacer"));
    }

    @Test
    void short_words_numbers_and_ties_are_left_alone() {
        assertNull(speller.correct("lod"), "under four letters");
        assertNull(speller.correct("12345"));
        assertNull(speller.correct("catche"), "as close to cache as to catch: no guess");
        assertNull(speller.correct("printer"), "nothing near");
        // a known word with letters put before or after it is another word, no slip of it
        Speller s = speller(List.of("working", "balance"));
        assertNull(s.correct("coworking"));
        assertNull(s.correct("balancers"), "s added: a plural is the stemmer's, not a typo");
        assertEquals("working", s.correct("wroking"));
        assertEquals("working", s.correct("reworking"), "done again is still the doing");
    }

    @Test
    void a_typo_of_an_inflected_form_is_corrected_by_its_stem_when_the_stem_is_long_enough() {
        Speller s = speller(List.of("trigger", "exec"));
        assertNull(s.correct("trigers"), "two slips from trigger as typed");
        assertEquals("trigger", s.correct("trigers", Analyzer.stem("trigers"), Budget.perRequest()));
        assertNull(s.correct("exacly", Analyzer.stem("exacly"), Budget.perRequest()), "a stem of four letters is near too much");
    }

    @Test
    void two_targets_of_one_sense_are_no_tie() {
        Map<String, String> senses = new LinkedHashMap<>(Map.of("broke", "@fail", "broken", "@fail", "brake", "brake"));
        assertEquals("broke", new Speller(senses).correct("brokn"), "broke and broken both fail: the first of them");
        senses.put("broke", "broke");
        assertNull(new Speller(senses).correct("brike"), "of two senses one slip away (broke, brake), neither");
    }

    @Test
    void a_letter_left_out_wins_a_tie_with_a_letter_put_in() {
        Speller s = speller(List.of("growing", "going", "sending", "responding"));
        assertEquals("growing", s.correct("groing"), "one letter short of growing, one over going");
        assertNull(s.correct("resending"), "two slips either way: still a tie");
    }

    @Test
    void the_same_word_gets_the_same_answer_from_memory() {
        assertEquals(speller.correct("loggin"), speller.correct("loggin"));
        assertNull(speller.correct("catche"));
        assertNull(speller.correct("catche"));
    }
}
