package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An access log's line: its query no words said, a 2xx no word of health, a failing status kept. */
class AccessLogsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'\"get /api/slots/?pool=3&d=2 http/1.1\" 200 812'   | '\"get /api/slots/ http/1.1\" 812'",
            "'\"post /auth/login http/1.1\" 500 12'              | '\"post /auth/login http/1.1\" 500 12'",
            "'1.2.3.4 - - \"get /api/x http/2\" 204 -'            | '1.2.3.4 - - \"get /api/x http/2\" -'",
            // curl -v: the status it got back is the request's, past the headers it sent
            "'> post /auth/login http/1.1\n> host: a.example\n> accept: */*\n< http/1.1 503 service unavailable' | 'post /auth/login http/1.1 http/1.1 503 service unavailable'",
            // no request line: the text as it was
            "'the api answers 200 to the health check'          | 'the api answers 200 to the health check'",
    })
    void a_served_request_is_no_health_and_its_query_no_words(String line, String read) {
        assertEquals(read, AccessLogs.rewrite(line));
    }
}
