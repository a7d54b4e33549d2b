package triage.conversation;

import triage.knowledge.Knowledge;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.Observation;
import triage.model.ProbeResult;

import java.util.List;

/**
 * One turn's outcome, for a channel to render.
 *
 * @param kind what kind of reply this is
 * @param diagnosis the diagnosis after this turn (for HELP and RESET: of the empty conversation)
 * @param question the question asked now, or null when there is nothing left to ask or it is settled
 * @param concluded one cause stands clearly above the rest, or nothing is left to ask
 * @param heard what this turn's text was understood as (observations and answers)
 * @param notUnderstood this turn's text, when nothing in it could be used
 * @param memoryLost the store could not be read or written: earlier turns are forgotten
 * @param checked what was checked live this turn ("check"); empty otherwise
 * @param canCheck names of what the bot could check live if asked; empty when nothing is configured
 * @param knowledge the knowledge the turn was answered with: the words for each observation
 *                  ({@link Knowledge#label}) when it is rendered
 * @param notes what changed in the conversation, in sentences for a person, said first: a
 *              question set aside ("not sure"), an answer changed and what was withdrawn with it,
 *              a settled diagnosis reopened, or (for {@link Kind#CLARIFY}) how to answer
 */
public record Turn(Kind kind, Diagnosis diagnosis, Check question, boolean concluded, List<Observation> heard,
                  String notUnderstood, boolean memoryLost, List<ProbeResult> checked, List<String> canCheck,
                  Knowledge knowledge, List<String> notes) {
    public Turn {
        checked = checked == null ? List.of() : List.copyOf(checked);
        canCheck = canCheck == null ? List.of() : List.copyOf(canCheck);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public Turn(Kind kind, Diagnosis diagnosis, Check question, boolean concluded, List<Observation> heard,
                String notUnderstood, boolean memoryLost, List<ProbeResult> checked, List<String> canCheck,
                Knowledge knowledge) {
        this(kind, diagnosis, question, concluded, heard, notUnderstood, memoryLost, checked, canCheck, knowledge, List.of());
    }

    /**
     * What kind of reply this is. {@code CLARIFY}: the message could not be read as an answer to
     * the open question; the reply says how to answer it instead of asking it again.
     */
    public enum Kind { DIAGNOSIS, WHY, HELP, RESET, CLARIFY }
}
