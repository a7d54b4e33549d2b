package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Readings of session 18's classes: a label reaches every item of the list after it, an item
 * appended to a clause is in its state, a phrase that denies its symptom states its own fact (no
 * neighbour's negation turns it), a pod's ordinal is a name, a code fence parts nothing from what
 * is said of the paste, what arrives is not made absent by how it went, and a vague "weird" of
 * everything names nothing.
 */
class ListsAndDenialsTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Not working: executing anything, the websocket panels, scheduled triggers | execute-works- triggers-work- websockets-work-",
            // an item with its own state keeps it
            "Not working: executing anything, but login works fine          | execute-works- login-works+",
            // "included" appends an item to the clause before it
            "most API calls return 500, the login endpoint included         | login-works- most-api-works-",
            // "just"/"only" right after a word of health opens what is not fine, as "except" does
            "the rest is ok, just the search box                   | search-works-",
            // items each with its state after a comma; an exception inside the subject leaves it the predicate
            "not working: executes, not working; triggers, not firing | execute-works- triggers-work-",
            "every api call apart from the live sockets fails       | most-api-works- websockets-work+",
    })
    void a_label_and_an_appended_item_reach_every_item(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a restart that never came back is one fault, not a fault turned by "never"
            "The core containers restarted overnight and never came back    | core-running-",
            "core pod pending and never scheduled                           | core-running-",
            // the "0" of a pod's name is no negation
            "Back-off restarting failed container core in pod core-0_placeos | core-running-",
    })
    void a_denial_states_its_own_fact(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // what the logs show of the requests is how they went, not whether they came
            "the api logs show a database error for each attempt            | database-blocking+ requests-reach-services+",
            "the access logs show our requests, so they are getting in the front door | requests-reach-services+",
            "the panel that was already open on the wall keeps working      | websockets-work+",
            "backoffice lists everything as usual                           | backoffice-lists-systems+",
            // drivers running nowhere: no core launched any
            "no drivers are running anywhere                                | core-joined-",
    })
    void arrivals_open_panels_and_drivers_nowhere(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "everything is weird today                                      | ''",
            "redis is acting weird                                          | redis-healthy-",
            "api domain resolves weird                                      | dns-resolves-as-expected-",
    })
    void weird_names_nothing_of_everything(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // "up" before a size or a time is a rise, no word of health
            "memory is up 200MB an hour since the deploy                    | memory-growing+",
            "hits/sec is up like 50x                                        | load-above-normal+",
            // a measure that is up has risen; a service that is up runs
            "every view's latency is up the same amount                     | all-views-slow+",
            "traffic is up                                                  | load-above-normal+",
            "the api is up                                                  | most-api-works+",
            // a label stating a fact of its own lends nothing to what it labels
            "no, not real users: a single account retries in a tight loop   | request-flood+",
    })
    void rises_and_labels_with_a_fact_of_their_own(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @org.junit.jupiter.api.Test
    void a_code_fence_parts_nothing_from_what_is_said_of_the_paste() {
        assertEquals("execute-error-no-core+ execute-works-",
                Shown.readings(in, "```\n{\"error\":\"no core instances available\",\"status\":503}\n```\nthat's the response on every execute"));
    }
}
