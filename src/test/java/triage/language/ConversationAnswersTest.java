package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.model.Observation;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replies to the open question: yes, no, not sure, and messages that are observations instead. */
class ConversationAnswersTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    private Observation answer(String asked, String text) {
        return in.answerTo(asked, text, in.read(text).readings());
    }

    @ParameterizedTest(name = "\"{0}\" cannot tell")
    @ValueSource(strings = {"not sure", "Not sure.", "I don't know", "dont know", "no idea", "can't tell", "dunno",
            "skip", "idk", "no clue", "not sure, sorry"})
    void not_sure_is_neither_yes_nor_no(String text) {
        assertTrue(in.unsure(text), text);
        assertNull(in.shortAnswer(text), text + " is not a yes or a no");
        assertNull(answer("login-works", text), text);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {"yes | true", "nope | false", "no, it doesn't | false", "yep, it does | true",
            "sure | true", "no | false"})
    void yes_and_no_still_answer(String text, boolean yes) {
        assertFalse(in.unsure(text), text);
        assertEquals(yes, answer("requests-reach-services", text).isPresent(), text);
    }

    @Test
    void a_leading_no_with_another_symptom_is_that_symptom_not_an_answer() {
        String text = "nope login is broken for everyone";
        assertNull(answer("requests-reach-services", text), "not a no to the question asked");
        List<Observation> read = in.read(text).readings();
        assertTrue(read.stream().anyMatch(o -> o.getSymptom().equals("login-works") && o.isAbsent()), read.toString());
    }

    @ParameterizedTest(name = "\"{0}\" is an action")
    @ValueSource(strings = {"I restarted the api pods", "we restarted core", "restarted the api pods, nope still broken",
            "we tried restarting the pods", "I have just rebooted the database server"})
    void what_people_did_is_not_a_component_down(String text) {
        assertTrue(in.read(text).readings().stream().noneMatch(o -> o.getSymptom().equals("stack-component-down") && o.isPresent()),
                text + " -> " + in.read(text).readings());
    }

    @Test
    void a_component_that_restarts_by_itself_still_is_an_observation() {
        assertTrue(in.read("the pods keep restarting").readings().stream()
                .anyMatch(o -> o.getSymptom().equals("stack-component-down") && o.isPresent()));
    }

    @Test
    void an_action_leaves_the_rest_of_the_sentence_to_be_read() {
        List<Observation> read = in.read("I restarted redis and login is still broken").readings();
        assertTrue(read.stream().anyMatch(o -> o.getSymptom().equals("login-works") && o.isAbsent()), read.toString());
    }

    @Test
    void a_multi_word_keyword_names_its_runbook_only_whole() {
        assertFalse(in.read("the api is slow").runbooks().contains("placeos"), "'api' alone is not 'staff api'");
        assertTrue(in.read("the staff api is down").runbooks().contains("placeos"));
        assertTrue(in.read("daphne workers are stuck").runbooks().contains("web-stack"));
    }
}
