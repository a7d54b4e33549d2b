package triage.conversation;

import triage.model.Observation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a conversation remembers between turns: its observations (one a symptom, the latest
 * wins), the question it asked last, the runbooks people named, and how many turns it had.
 * Immutable; stored as JSON (see {@link StoredState}).
 */
public record ConversationState(String id, List<Observation> observations, String lastAsked,
                                Set<String> runbooks, int turns, Instant updatedAt) {
    public ConversationState {
        observations = observations == null ? List.of() : List.copyOf(observations);
        runbooks = runbooks == null ? Set.of() : Set.copyOf(runbooks);
    }

    static ConversationState fresh(String id) {
        return new ConversationState(id, List.of(), null, Set.of(), 0, Instant.now());
    }
}
