package triage.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Readings of session 16's classes: a label before a colon and what it labels, a word of failure
 * that belongs to the fault beside it, sessions already open (no login), controlling devices as
 * executes, and Elasticsearch's own health readouts.
 */
class LabelsAndReadoutsTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the label names what the quoted answer is about: its fault befell it
            "backoffice exec response: error no core instances, etcd health is fine | etcd-healthy+ execute-error-no-core+ execute-works-",
            // a label that names nothing states what it labels
            "only thing not working: the systems listing in backoffice     | backoffice-lists-systems-",
            // one that states an arrival states its own fact, whatever the log lines after it say
            "requests land on the api: POST /auth/signin 500               | login-works- most-api-works- requests-reach-services+",
    })
    void a_label_before_a_colon(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @Test
    void a_word_of_failure_beside_a_fault_is_the_faults_across_a_comma() {
        assertEquals("execute-error-no-core+ execute-works- modules-load+",
                Shown.readings(in, "module list loads, exec error is no core instances"));
        // joined by "and", a predicate is still shared
        assertEquals("modules-load- search-works-", Shown.readings(in, "the module list and the search fail"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // those already signed in are sessions: only the new logins say how logging in goes
            "the panels already logged in are fine, only new logins break  | login-works-",
            "users who were logged in before keep working                  | ''",
            "we can still log in fine                                      | login-works+",
    })
    void sessions_already_open_say_nothing_of_logging_in(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the panels cant control anything                              | execute-works-",
            "nothing can be controlled from the panels                     | execute-works-",
            "we can control the devices from backoffice                    | execute-works+",
            // a room's controls being shown is no execute
            "the room controls work fine                                   | ''",
            // the executes to the rest going through confine the failure to one driver
            "exec fails on the camera modules, other executes are fine     | execute-works- single-driver-fails+",
            "other executes fail too                                       | execute-works-",
    })
    void controlling_devices_is_executing(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @Test
    void elasticsearchs_health_document_is_the_clusters_not_a_rooms_status() {
        String pasted = "backoffice lists are empty\n$ curl -s http://10.0.0.9:9200/_cluster/health?pretty\n{\n"
                + "  \"cluster_name\" : \"placeos\",\n  \"status\" : \"red\",\n  \"active_shards\" : 0,\n  \"unassigned_shards\" : 12\n}";
        assertEquals("backoffice-lists-systems- elasticsearch-healthy-", Shown.readings(in, pasted));
        assertEquals("elasticsearch-healthy+", Shown.readings(in, pasted.replace("\"red\"", "\"green\"")
                .replace("backoffice lists are empty\n", "").replace("12", "0")));
    }

    @Test
    void an_index_row_under_its_header_is_that_indexs_health() {
        assertEquals("elasticsearch-healthy-", Shown.readings(in,
                "$ curl -s 'es:9200/_cat/indices?v'\nhealth status index docs.count\nred    open   sys\nred    open   zone"));
        assertEquals("elasticsearch index zone red", SearchHealth.rewrite("health status index docs.count\nred open zone 12").trim().replace(",", ""));
    }
}
