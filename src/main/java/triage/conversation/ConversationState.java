package triage.conversation;

import triage.model.Observation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a conversation remembers between turns: its observations (one a symptom, the latest
 * wins), the question it asked last, the runbooks people named, how many turns it had, the
 * questions set aside ("not sure"), the cause it settled on (null while it has not), whether
 * the live checks have run, and the questions it asked a second time (one answer alone decided). Immutable; stored as JSON (see {@link StoredState}); what an
 * older version stored reads with nothing set aside, nothing settled, no checks run and nothing
 * asked twice.
 *
 * @param version how many times it has been stored: a store writes a state only over the
 *                version before it ({@link ConversationStore#save}), so of two turns that read the
 *                same state only one lands and the other is answered again on what the first left
 */
public record ConversationState(String id, List<Observation> observations, String lastAsked,
                                Set<String> runbooks, int turns, Instant updatedAt, Set<String> setAside,
                                String settledOn, boolean checked, Set<String> rechecked, long version) {
    public ConversationState {
        observations = observations == null ? List.of() : List.copyOf(observations);
        runbooks = runbooks == null ? Set.of() : Set.copyOf(runbooks);
        setAside = setAside == null ? Set.of() : Set.copyOf(setAside);
        rechecked = rechecked == null ? Set.of() : Set.copyOf(rechecked);
    }

    /** A state with nothing set aside or settled, stored {@code version} times. */
    public ConversationState(String id, List<Observation> observations, String lastAsked, Set<String> runbooks,
                             int turns, Instant updatedAt, long version) {
        this(id, observations, lastAsked, runbooks, turns, updatedAt, Set.of(), null, false, Set.of(), version);
    }

    /** A state not yet stored (version 0). */
    public ConversationState(String id, List<Observation> observations, String lastAsked,
                             Set<String> runbooks, int turns, Instant updatedAt) {
        this(id, observations, lastAsked, runbooks, turns, updatedAt, 0);
    }

    static ConversationState fresh(String id) {
        return new ConversationState(id, List.of(), null, Set.of(), 0, Instant.now(), 0);
    }
}
