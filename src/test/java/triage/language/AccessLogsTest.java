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
            // no request line: the text as it was
            "'the api answers 200 to the health check'          | 'the api answers 200 to the health check'",
    })
    void a_served_request_is_no_health_and_its_query_no_words(String line, String read) {
        assertEquals(read, AccessLogs.rewrite(line));
    }
}
