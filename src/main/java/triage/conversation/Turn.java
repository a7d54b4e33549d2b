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
 */
public record Turn(Kind kind, Diagnosis diagnosis, Check question, boolean concluded, List<Observation> heard,
                  String notUnderstood, boolean memoryLost, List<ProbeResult> checked, List<String> canCheck,
                  Knowledge knowledge) {
    public Turn {
        checked = checked == null ? List.of() : List.copyOf(checked);
        canCheck = canCheck == null ? List.of() : List.copyOf(canCheck);
    }

    public enum Kind { DIAGNOSIS, WHY, HELP, RESET }
}
