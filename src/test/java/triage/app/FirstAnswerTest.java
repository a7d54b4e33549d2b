package triage.app;

import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.engine.Answer;
import triage.engine.LiveRulebook;
import triage.engine.Said;
import triage.engine.Triage;
import triage.engine.UnrecognizedLog;
import triage.model.Diagnosis;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Work a fresh serve owes but nobody waits for starts after its first answer, or after a while without one. */
class FirstAnswerTest {
    @Test
    void work_waits_for_the_first_answer_and_the_wrapped_observer_still_hears_of_every_diagnosis() throws Exception {
        List<Diagnosis> heard = new ArrayList<>();
        FirstAnswer first = new FirstAnswer((d, nanos) -> heard.add(d));
        CountDownLatch ran = new CountDownLatch(1);
        first.then(ran::countDown, "test-work", Duration.ofMinutes(5));
        assertFalse(ran.await(300, TimeUnit.MILLISECONDS), "nothing answered yet");

        Triage triage = new Triage(LiveRulebook.open(new LiveRulebook.Source(Fixtures.RULES, Fixtures.KNOWLEDGE, "files"),
                Fixtures.compiler()), new UnrecognizedLog(10, Clock.systemUTC()), first);
        Answer a = triage.answer(Said.text("nobody can log in to backoffice"));
        assertTrue(ran.await(30, TimeUnit.SECONDS), "the work starts once the first answer is out");
        assertEquals(List.of(a.diagnosis()), heard);
    }

    @Test
    void without_an_answer_the_work_starts_after_the_wait() throws Exception {
        FirstAnswer first = new FirstAnswer((d, nanos) -> { });
        CountDownLatch ran = new CountDownLatch(1);
        String[] thread = new String[1];
        first.then(() -> {
            thread[0] = Thread.currentThread().getName();
            ran.countDown();
        }, "test-work", Duration.ofMillis(200));
        assertTrue(ran.await(30, TimeUnit.SECONDS));
        assertEquals("test-work", thread[0]);
    }
}
