package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The web stack's causes as people report them: a store every upload waits on, a part of the stack
 * with nothing running behind it, a name pointing at someone else, a job moved into the day, a slow
 * call to another service, a flood from thousands of addresses; and everyday words that name none.
 */
class WebStackReadingTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    private String read(String text) {
        return Shown.readings(in, text.replace("\\n", "\n"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // an upload is a write to the store: uploads that take long wait on it
            "uploading a two megabyte invoice takes minutes               | object-storage-slow+",
            "file uploads just hang for our customers                     | object-storage-slow+",
            // "only the ones that write to the bucket" (are slow): the store they share
            "it is only the endpoints that write to the bucket            | object-storage-slow+",
            // work that never gets to its end fails; requests that queue up are queued, no "up" of health
            "only the views that write to s3 are not finishing            | object-storage-slow+",
            "the bucket uploads hang until the rest queue up              | object-storage-slow+",
            // the store's client names its own timeout: no connection pool of ours
            "botocore keeps raising ConnectTimeoutError                   | object-storage-slow+",
            // the other views being fast says only some are slow
            "the rest of the views are fast                               | some-views-slow+",
    })
    void a_store_that_uploads_wait_on(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the checkout service has zero endpoints                      | stack-component-down+",
            "kubectl shows no ready pods for the web deployment           | stack-component-down+",
            "the image tag we deployed does not exist in the registry     | stack-component-down+",
            "after the node died its pods never rescheduled               | stack-component-down+",
            "our media box shows as stopped in the aws console            | stack-component-down+",
            "InstanceState: stopped                                       | stack-component-down+",
            "'InstanceState: {Name: stopped}'                             | stack-component-down+",
            "'\"InstanceState\": {\"Code\": 80, \"Name\": \"stopped\"}'          | stack-component-down+",
    })
    void a_part_of_the_stack_with_nothing_behind_it(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "visitors land on another company's website instead of ours   | dns-resolves-as-expected-",
            "dig gives an ip that is not the one we run on                | dns-resolves-as-expected-",
            // what someone expected, said after finding something else: no "as expected"
            "nslookup answers 198.51.100.7, we expected the elb           | dns-resolves-as-expected-",
    })
    void our_name_pointing_at_someone_else(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a nightly run named by what it does, or moved into the day
            "the nightly billing run now starts at eleven                 | background-jobs-at-peak+",
            "accounting asked for the reconciliation job to happen in the morning | background-jobs-at-peak+",
            "the thumbnail job is scheduled at 13:00                      | background-jobs-at-peak+",
            // an index rebuilt however it is spelled; pausing the job quietens what it loaded
            "the nightly catalogue re-index now runs at nine              | background-jobs-at-peak+",
            "when we paused the sync job the db went quiet                | background-jobs-at-peak+ database-blocking-",
            // "since last night" is a time, no nightly run; "loyalty points" point nowhere
            "checkout has been slow since last night                      | ''",
            "loyalty points are missing from the members page             | ''",
    })
    void a_job_moved_into_the_day(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the slowest span is the request to the geocoding service     | external-api-slow+",
            "every worker's stack ends in urlopen                         | external-api-slow+",
            "a weather service we call takes half a minute                | external-api-slow+",
            "the request to https://api.vendor.example/v1 takes 60s       | external-api-slow+",
    })
    void a_call_to_someone_else_that_workers_wait_on(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a factor of two or more is far above the baseline, its "normal" no word of health
            "hits per second are 12x normal                               | load-above-normal+",
            // thousands of addresses are no "few sources": who they are the rest says
            "a ddos from a few thousand ips nobody recognises             | request-flood+",
            "real visitors spread over thousands of ips                   | request-flood-",
            // a count the value moves from is no negation
            "'newsletter send queue 0 -> 40k jobs'                         | background-jobs-at-peak+",
            // work piling up faster than the pods take it: too few of them
            "the backlog can not keep up with two pods                    | more-workers-drain-queue+",
            "the queue won't stop growing                                 | request-queue-growing+",
            "keys in the queue stay at 3                                  | request-queue-growing-",
            "every single view is slow                                    | all-views-slow+",
            // a level that stays at its limit is saturated: its "flat" is no health
            "write iops flat at the provisioned limit                     | database-disk-queue-high+",
    })
    void load_and_capacity(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a queue named alone says nothing of its length; weather floods no server
            "there is a queue of parents at the school gate               | ''",
            "the car park flooded after the storm                         | ''",
            "the river flooded the underpass again                        | ''",
            "the printer in the registrar's office jams                   | ''",
    })
    void everyday_words_name_no_symptom(String text, String expected) {
        assertEquals(expected, read(text));
    }
}
