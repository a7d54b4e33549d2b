package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A guess said in the passive, a cleft that singles out what fails, and traffic that ends on its way in. */
class GuessesAndCleftsTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the passive's subject is the suspect: its own clause says nothing seen
            "the database got blamed because the api was slow            | ''",
            "redis was suspected at first                                 | ''",
            // what follows the guess's end is still seen
            "the load balancer was blamed because login fails for everyone | login-works-",
            // a word the guess's phrase reached for goes back to what is seen
            "we thought it was the database because the queries are slow | slow-queries+",
            // the active form as before
            "we blamed the database                                       | ''",
            // not a passive: a state said of the subject stays read
            "the database is down                                         | database-blocking+",
            // someone's certainty is their guess: only what they give as the reason is seen
            "the ops lead is sure it's an attack because traffic doubled | load-above-normal+",
            "finance wants more replicas; the queue keeps growing         | request-queue-growing+",
    })
    void a_guess_in_the_passive_is_about_its_subject(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "it's the systems list and the search that come back empty | backoffice-lists-systems- search-works-",
            "it is the systems list and the search that fail           | backoffice-lists-systems- search-works-",
            "it's the login that fails                                 | login-works-",
            // a page or a box of the UI is where the thing is shown, no word of its own
            "it's just the systems list page and the search box that come back empty | backoffice-lists-systems- search-works-",
            // no "that": no cleft, and "it's" is a word of the clause as before
            "the systems list and the search fail                      | backoffice-lists-systems- search-works-",
    })
    void a_cleft_shares_its_state_with_each_name_it_singles_out(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "traffic stops before it gets to the services | requests-reach-services-",
            "the requests die before reaching the api     | requests-reach-services-",
            "traffic dies before anything reaches the services | requests-reach-services-",
            "the requests get to the services             | requests-reach-services+",
    })
    void traffic_that_ends_before_it_gets_there_never_arrives(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }
}
