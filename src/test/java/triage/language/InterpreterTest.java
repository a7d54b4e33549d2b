package triage.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What people type, read as symptoms present (+) or absent (-). */
class InterpreterTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    private String read(String text) {
        return Shown.readings(in, text);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "I can log in                         | login-works+",
            "can't log in                         | login-works-",
            "cannot log in                        | login-works-",
            "login doesn't work                   | login-works-",
            "login is not working                 | login-works-",
            "no one is able to sign in            | login-works-",
            "login fails                          | login-works-",
            "sign-in won't go through             | login-works-",
            "authentication isn't possible        | login-works-",
            "login does not fail any more         | login-works+",
            "the queue is growing                 | request-queue-growing+",
            "the queue is not growing             | request-queue-growing-",
            "the queue is empty                   | request-queue-growing-",
            "redis is down                        | redis-healthy-",
            "redis is fine                        | redis-healthy+",
            "redis isn't responding               | redis-healthy-",
            // a full stop that shortens a word ends no sentence: the failure is every call's
            "every api call incl. login fails     | login-works- most-api-works-",
    })
    void negation_and_failure_words_set_the_polarity(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "cant loggin                          | login-works-",
            "authentcation fails                  | login-works-",
            "the modules wont laod                | modules-load-",
            "elasticsaerch is down                | elasticsearch-healthy-",
            "executing anything fails             | execute-works-",
            "redis is donw                        | redis-healthy-",
            "noone can sign in                    | login-works-",
            // as near "broke" as "broken": two words of one state are no tie
            "auth brokn for everyone              | login-works-",
    })
    void typos_are_corrected_but_never_into_cue_words(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // an opening "when ..." clause says what the next one is about, and states nothing itself
            "when I open the systems tab, the list stays blank | backoffice-lists-systems-",
            "when I open the systems tab, it lists them all   | backoffice-lists-systems+",
            // any other comma parts the facts
            "the systems tab is open, nothing is listed       | backoffice-lists-systems+",
    })
    void an_opening_subordinate_clause_shares_the_next_clause(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the login attempts show up in the api logs       | requests-reach-services+",
            "the api is not getting any traffic               | requests-reach-services-",
            "lunch is at noon today                           | ''",
    })
    void requests_and_ordinary_words(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "login works but modules do not load              | login-works+ modules-load-",
            "I can log in and see the systems                 | backoffice-lists-systems+ login-works+",
            "login and search both fail                       | login-works- search-works-",
            "redis and etcd are down                          | etcd-healthy- redis-healthy-",
            "everything works except triggers                 | triggers-work-",
            "nothing works except login                       | login-works+",
            "the list of modules and functions does not load  | modules-load-",
            "backoffice is empty, no systems listed           | backoffice-lists-systems-",
    })
    void several_observations_and_negation_scope_in_one_sentence(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "execute fails: \"no core instances\"           | execute-error-no-core+ execute-works-",
            "exec returns unable to connect to etcd         | execute-error-etcd+ execute-works-",
            "error: unable to connect to etcd               | execute-error-etcd+",
    })
    void error_messages_are_read_quoted_or_not(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the daphne workers are stuck                   | workers-blocked+",
            "gunicorn workers keep processing requests      | workers-blocked-",
            "rds cpu is pegged                              | database-cpu-high+",
            "postgres disk queue depth is high              | database-disk-queue-high+",
            "memory usage keeps climbing                    | memory-growing+",
            "the third-party api is timing out              | external-api-slow+",
            "cron jobs run during rush hour                 | background-jobs-at-peak+",
            "we're getting ddos'd                           | request-flood+",
            "users get bounced back to the login screen     | login-works-",
            "the driver won't compile                       | driver-compile-error+",
            "dns points to the old server                   | dns-resolves-as-expected-",
            "a node is not ready                            | stack-component-down+",
            "the stripe api is timing out                   | external-api-slow+",
            "db connection pool exhausted                   | connection-pool-exhausted+",
            "the nightly batch job runs during peak hours   | background-jobs-at-peak+",
            "the lb keeps marking instances unhealthy       | servers-removed+",
            "access logs are empty, no requests at all      | requests-reach-services-",
            "the websocket keeps reconnecting                | websockets-work-",
    })
    void synonyms_and_word_forms_reach_the_same_symptom(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @Test
    void what_is_not_understood_is_returned_not_guessed() {
        Interpretation i = in.read(List.of("the quarterly report totals look odd", "login fails"));
        assertEquals(List.of("the quarterly report totals look odd"), i.unrecognized());
        assertEquals(1, i.readings().size());
    }

    @Test
    void naming_a_system_points_at_its_runbook() {
        assertTrue(in.read("kubectl shows daphne pods restarting").runbooks().contains("web-stack"));
        assertTrue(in.read("placeos backoffice is slow").runbooks().contains("placeos"));
    }

    @Test
    void short_answers_are_read_from_their_first_words() {
        assertEquals(Boolean.TRUE, in.shortAnswer("yes"));
        assertEquals(Boolean.TRUE, in.shortAnswer("yep, they show up"));
        assertEquals(Boolean.FALSE, in.shortAnswer("nope, still broken"));
        assertEquals(Boolean.FALSE, in.shortAnswer("no"));
        assertNull(in.shortAnswer("redis is down"));
    }

    @Test
    void a_subjectless_reply_answers_about_the_question() {
        assertEquals(Boolean.FALSE, in.polarityAbout("login-works", "still broken"));
        assertEquals(Boolean.TRUE, in.polarityAbout("login-works", "works now"));
        assertEquals(Boolean.TRUE, in.polarityAbout("request-queue-growing", "it keeps failing"));
        assertNull(in.polarityAbout("login-works", "hmm"));
    }

    @Test
    void analysed_text_shows_concepts_and_cues() {
        String a = in.analysed("can't loggin, but redis is fine");
        assertTrue(a.startsWith("can not! login |"), a);
        assertTrue(a.contains("||") && a.endsWith("fine+"), a);
        assertFalse(a.contains("loggin"), a);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // one decision per fact: a denial and a health word do not flip twice
            "scalyr says the workers are processing fine          | workers-blocked-",
            // state words in context: low is not high; goes up is growth
            "db cpu is low                                        | database-cpu-high-",
            "heap goes up all day                                 | memory-growing+",
            // executing and its quoted error in one sentence
            "executing a function, response says no core instances | execute-error-no-core+ execute-works-",
            // everyday ops words
            "nxdomain for our hostname                            | dns-resolves-as-expected-",
    })
    void polarity_is_decided_once_per_fact(String text, String expected) {
        assertEquals(expected.trim(), read(text.trim()));
    }

    @Test
    void typo_correction_never_rewrites_an_english_word() {
        assertEquals("", read("the printer on the second floor is jammed"));
        assertTrue(in.analysed("the servise is slow").contains("servic"), in.analysed("the servise is slow"));
        assertTrue(EnglishWords.size() > 50_000);
    }

    @Test
    void a_bare_restart_or_oom_is_not_a_component_down() {
        assertFalse(read("we restarted it").contains("stack-component-down"), read("we restarted it"));
        assertFalse(read("the container was oomkilled").contains("stack-component-down"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a negation before a word of state turns the word, not the fact a second time
            "redis is not down                                  | redis-healthy+",
            "nothing is broken with redis                       | redis-healthy+",
            "the drivers are not working                        | drivers-respond-",
            // a negation of the fact and a failure word agree: one denial, not two that cancel
            "the modules panel is blank with no functions in it | modules-load-",
            // a clause that only names a subject shares its neighbour's predicate
            "every api call errors, login included              | login-works- most-api-works-",
    })
    void one_decision_per_fact_whatever_the_negations(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @Test
    void the_clauses_no_phrase_read_are_left_for_reading_by_example() {
        assertEquals(List.of("the lobby clock on floor two stopped"), in.unreadClauses("login fails and the lobby clock on floor two stopped"));
        assertEquals(List.of(), in.unreadClauses("login fails and search is down"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a guess names a suspect, not an observation (ConText's hypothetical): what is seen decides
            "we thought redis had died, but the modules load fine         | modules-load+",
            "the ops lead blames a dead elasticsearch because nobody can log in | login-works-",
            "I assumed the database was overloaded, but db cpu sits at 5% | database-cpu-high-",
            // a yes/no question asks; it reports nothing
            "is rethinkdb down?                                           | ''",
            "is redis down, or is it the lb?                              | ''",
            "could etcd be dead? executing anything fails                 | execute-works-",
            // what is stated around a question still counts, and so does a question that presumes the fact
            "Can't log in to the backoffice, is anyone else seeing this?  | login-works-",
            "why does login fail?                                         | login-works-",
            // "I think" about what one sees is still an observation
            "I think login is broken                                      | login-works-",
    })
    void a_suspect_guessed_or_asked_about_is_not_read_as_seen(String text, String expected) {
        assertEquals(expected.trim(), read(text.trim()));
    }

    @Test
    void a_text_that_only_asks_is_read_as_nothing_and_is_no_puzzle() {
        Interpretation i = in.read(List.of("is the database dead?"));
        assertEquals(List.of(), i.readings());
        assertEquals(List.of(), i.unrecognized());
        assertEquals(List.of(), i.gaps());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // "normal" as a baseline is not health
            "request rate is 5x normal                      | load-above-normal+",
            "hits are 15% above normal                      | load-above-normal+",
            "hits are higher than normal                    | load-above-normal+",
            // no view slower than usual: nothing the workers call holds them up
            "no view is slower than usual                   | workers-blocked-",
            "traffic is back to normal                      | load-above-normal-",
    })
    void normal_as_a_baseline_is_not_health(String text, String expected) {
        assertEquals(expected.trim(), read(text.trim()));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the payment provider answers quickly                  | external-api-slow-",
            "every driver compiled and runs                        | driver-compile-error-",
            "rethinkdb is fine and the api never even sees the requests | requests-reach-services- rethinkdb-healthy+",
    })
    void state_words_read_in_context(String text, String expected) {
        assertEquals(expected.trim(), read(text.trim()));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a bare "job" or a schedule is no background job
            "send me the job description for the backend role    | ''",
            "the schedule for today is on the wall screen        | ''",
            // batch work named and timed
            "the reporting job starts right at our busiest hour  | background-jobs-at-peak+",
            "the import job kicks off in the lunchtime rush      | background-jobs-at-peak+",
            "the thumbnail batch eats the cpu every afternoon    | background-jobs-at-peak+",
            "the backup job only runs at night                   | background-jobs-at-peak-",
    })
    void background_jobs_are_named_by_what_they_do_and_when(String text, String expected) {
        assertEquals(expected.trim(), read(text.trim()));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a resource with nothing to do is not what holds the workers up
            "the workers back up while postgres idles            | database-blocking-",
            "rds looks bored all afternoon                       | database-blocking-",
            "latency per view is flat                            | workers-blocked-",
            // workers held up by the object store
            "daphne workers are pinned on s3 writes              | object-storage-slow+",
            "the workers are stuck streaming files from the bucket | object-storage-slow+",
            // not enough workers, in plain numbers
            "we run only two web pods for the whole site         | more-workers-drain-queue+",
            "there is no surge in traffic at all                 | load-above-normal-",
    })
    void seed_vocabulary_for_capacity_storage_and_idle_resources(String text, String expected) {
        assertEquals(expected.trim(), read(text.trim()));
    }
}
