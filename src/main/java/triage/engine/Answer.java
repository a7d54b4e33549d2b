package triage.engine;

import triage.knowledge.Knowledge;
import triage.model.Diagnosis;
import triage.model.Observation;
import triage.model.ProbeResult;

import java.util.List;
import java.util.Set;

/**
 * What {@link Triage#answer} makes of one {@link Said}.
 *
 * @param diagnosis the diagnosis of everything known now (remembered, said, checked)
 * @param heard the observations this message gave: a reply to the open question first, then what
 *              the texts said, then what the live checks found (counted ones, known symptoms only)
 * @param unrecognized the texts nothing could be used from
 * @param probes what the live checks found, counted or not; null when they were not asked for
 * @param answeredQuestion whether this message settled the open question (by a reply or by naming it)
 * @param observations everything known now, one a symptom, the latest word on each: what a
 *                     conversation remembers for its next message
 * @param runbooks the runbooks named so far, remembered ones included
 * @param knowledge the knowledge of the rulebook that answered: the words for each observation
 *                  ({@link Knowledge#label}) when it is rendered
 * @param setAsideNow the open question, when this message said the person cannot tell ("not
 *                    sure"); null otherwise
 * @param setAside every question the conversation has set aside and not answered since: what
 *                 it remembers for its next message
 * @param onRunbooks the runbooks the diagnosis kept to (the conversation's stacks and the general ones)
 * @param rechecked every question the conversation has asked a second time ({@link Said#rechecked}),
 *                  this message's reply to one included: what it remembers for its next message
 * @param doubted the open question, when it was asked a second time and this reply contradicts
 *                the first answer: both are dropped and the question set aside; null otherwise
 */
public record Answer(Diagnosis diagnosis, List<Observation> heard, List<String> unrecognized, List<ProbeResult> probes,
                     boolean answeredQuestion, List<Observation> observations, Set<String> runbooks,
                     Knowledge knowledge, String setAsideNow, Set<String> setAside, Set<String> onRunbooks,
                     Set<String> rechecked, String doubted) {
    public Answer {
        setAside = setAside == null ? Set.of() : Set.copyOf(setAside);
        onRunbooks = onRunbooks == null ? Set.of() : Set.copyOf(onRunbooks);
        rechecked = rechecked == null ? Set.of() : Set.copyOf(rechecked);
        heard = List.copyOf(heard);
        unrecognized = List.copyOf(unrecognized);
        probes = probes == null ? null : List.copyOf(probes);
        observations = List.copyOf(observations);
        runbooks = Set.copyOf(runbooks);
    }

    /** The same answer with {@code d} as its diagnosis. */
    Answer withDiagnosis(Diagnosis d) {
        return new Answer(d, heard, unrecognized, probes, answeredQuestion, observations, runbooks, knowledge,
                setAsideNow, setAside, onRunbooks, rechecked, doubted);
    }
}
