package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Questions echoed and answered in one breath, a working thing named only as where a fault came from, and the
 * everyday words of session 20 (pseudo-negations, spans' methods, starts that cannot happen, answers too late).
 */
class EchoesAndSourcesTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the name asked about is what the answer speaks of
            "heap? yes, it rises every hour until the kill          | memory-growing+",
            "core pod? it keeps restarting                           | core-running-",
            "etcd? they are all healthy                              | etcd-healthy+",
            // a "no" answers with something else: nothing is said of the name
            "redis? no, the etcd members are down                    | etcd-healthy-",
            // a question left open says nothing
            "is it redis? not sure                                   | ''",
    })
    void echoed_questions(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // after the error, the execute is where it came from: it fails, as its error says (failure_of)
            "'```\n{\"err\":\"no core instances\"}\n```\nfrom an execute in backoffice' | execute-error-no-core+ execute-works-",
            // as after something working said not to: the balancer's error came from logging in
            "'```\nupstream connect error or disconnect/reset before headers\n```\nfrom the ingress when logging in' | load-balancer-healthy-",
            // with no fault before it, a bare name still reads as it always has
            "'from an execute in backoffice'                         | execute-works+",
    })
    void a_source_named_after_a_fault_says_nothing_of_itself(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // "no matter" negates nothing
            "heap climbs all day no matter what the load does        | memory-growing+",
            // traffic that gets in arrives; nobody logged in
            "the access log shows traffic gets in                    | requests-reach-services+",
            // a span's method names the host our side called
            "'trace: POST quotes.vendor-x.example 29.8s (timeout)'   | external-api-slow+",
            // a start that cannot happen is a fault of what cannot start
            "the pods can't start, a config map is missing           | stack-component-down+",
            // "can point to" is no record pointing anywhere
            "nothing obvious is broken that I can point to           | ''",
            // an answer that does not come in time has timed out
            "the sms api is not answering in time                    | external-api-slow+",
            "our domain now resolves to an ip we don't own           | dns-resolves-as-expected-",
            "connections get checked out and never come back         | connection-pool-exhausted+",
            "the panel websockets drop every few seconds             | websockets-work-",
            "the site crashes for 2 min then recovers                | backend-down+ short-outages+",
            "most hits come from a couple of ASNs                    | request-flood+",
            "real visitors are a normal amount, the rest is new      | genuine-load-",
            // a trace's outbound span, host and path with no scheme, is a call out that takes the time
            "'trace GET /quote 26.0s\n  |- http: GET rates.freight-co.example/v3/quote   25.9s' | external-api-slow+",
            // the auth service's logs are a service's logs, no one signing in
            "nothing shows up in the auth logs                       | requests-reach-services-",
            // the usual level named as a noun is no word of health
            "'traffic is 12,000 requests per second, our normal is ~90 rps' | load-above-normal+",
            "adding four pods didn't dent it                         | more-workers-drain-queue-",
            // the ones singled out after a fault denied are the exception: they are the trouble
            "not every page is slow, only the ones that upload scans to the bucket | all-views-slow- object-storage-slow+",
            "'not every page, only those that read from the bucket'  | object-storage-slow+",
            // and after health said in words of health, the same
            "the other pages are quick, only the ones that write to s3 | object-storage-slow+ some-views-slow+",
            // a cloud machine's status fields are the machine's, no module's; "not-applicable" denies nothing
            "'i-0f3  running  SystemStatus: impaired  InstanceStatus: impaired' | stack-component-down+",
            "'InstanceState: stopped\nSystemStatus: not-applicable' | stack-component-down+",
            // in pasted output a fault on any line is shown, whatever the last line says
            "'$ kubectl get nodes\nip-10-4-1-2.ec2.internal  NotReady  <none>  9d\nip-10-4-1-3.ec2.internal  Ready  <none>  9d' | stack-component-down+",
            "'```\nhttp://10.2.0.4:2379 is unhealthy: context deadline exceeded\nhttp://10.2.0.5:2379 is healthy: committed proposal\n```' | etcd-healthy-",
            // a narrative keeps both, for its last word to win
            "'redis was down this morning\nnow redis is healthy again' | redis-healthy+ redis-healthy-",
            // a span's service label names the span: no field joined to the slow line above it
            "'trace POST /pay 30.2s\n  db: SELECT basket   3ms\n  http: POST charge.payco.example/v1   30.1s' | database-blocking- external-api-slow+",
            "a holding page shows where our shop should be           | dns-resolves-as-expected-",
            // a partner's API is someone else's; an organisation's own is ours
            "the carrier's tracking api takes 30s per call           | external-api-slow+",
            "the guild's booking api is down                       | most-api-works-",
    })
    void everyday_words(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // an execute's error, quoted under a label or after it, fails the execute whatever the label read
            "'every exec, every system:\n`503 Service Unavailable: no core instances available for module mod-F2`' | backend-down+ execute-error-no-core+ execute-works-",
            "'every execute gives:\n{\"error\":\"no core instances\",\"module\":\"Blower_1\"}'             | execute-error-no-core+ execute-works-",
    })
    void an_execute_answered_with_its_error_fails(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text.replace("\\n", "\n")));
    }
}
