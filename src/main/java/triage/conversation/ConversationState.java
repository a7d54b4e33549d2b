package triage.conversation;

import triage.model.Observation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a conversation remembers between turns: its observations (one a symptom, the latest
 * wins), the question it asked last, the runbooks people named, how many turns it had, the
 * questions set aside ("not sure"), the cause it settled on (null while it has not), and
 * whether the live checks have run. Immutable; stored as JSON (see {@link StoredState}); what an
 * older version stored reads with nothing set aside, nothing settled and no checks run.
 */
public record ConversationState(String id, List<Observation> observations, String lastAsked,
                                Set<String> runbooks, int turns, Instant updatedAt, Set<String> setAside,
                                String settledOn, boolean checked) {
    public ConversationState {
        observations = observations == null ? List.of() : List.copyOf(observations);
        runbooks = runbooks == null ? Set.of() : Set.copyOf(runbooks);
        setAside = setAside == null ? Set.of() : Set.copyOf(setAside);
    }

    public ConversationState(String id, List<Observation> observations, String lastAsked, Set<String> runbooks,
                             int turns, Instant updatedAt) {
        this(id, observations, lastAsked, runbooks, turns, updatedAt, Set.of(), null, false);
    }

    static ConversationState fresh(String id) {
        return new ConversationState(id, List.of(), null, Set.of(), 0, Instant.now());
    }
}
