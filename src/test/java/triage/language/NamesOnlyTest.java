package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import triage.Fixtures;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A component named with no state says nothing of it: no symptom, and no puzzle left to read by example. */
class NamesOnlyTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest
    @ValueSource(strings = {"the database", "postgres?", "the rds and the redis", "DNS, etcd", "db side", "postgres itself"})
    void names_alone_say_nothing(String text) {
        Interpretation r = in.read(List.of(text));
        assertEquals(List.of(), r.readings());
        assertEquals(List.of(), r.unrecognized(), "no puzzle for reading by example either");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a state said of it still counts
            "the database is slow                     | database-blocking+",
            "the app cannot connect to the database   | database-blocking+",
            "the app connects to the database fine    | backend-down- database-blocking-",
            // connections counted are no failure to connect
            "postgres has 20 connections open         | ''",
            // a database with little to do is not what holds the rest up
            "the db itself is barely doing anything   | database-blocking-",
    })
    void a_state_said_of_a_name(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"the database migration", "something with the db"})
    void a_word_besides_the_names_is_still_a_puzzle(String text) {
        assertEquals(List.of(text), in.read(List.of(text)).unrecognized());
    }
}
