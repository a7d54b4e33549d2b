package triage.conversation;

import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.Understood;

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
 */
public record Turn(Kind kind, Diagnosis diagnosis, Check question, boolean concluded, List<Understood> heard,
                  String notUnderstood, boolean memoryLost) {
    public enum Kind { DIAGNOSIS, WHY, HELP, RESET }
}
