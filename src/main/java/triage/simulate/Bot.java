package triage.simulate;

import java.util.List;

/** The bot as a channel sees it: one message in, one reply out, per conversation. */
public interface Bot {
    /**
     * The bot's answer to one message.
     *
     * @param top the leading cause's component, or null when no cause stands
     * @param confidence the leading cause's stated confidence (0 when none)
     * @param question the symptom id of the question asked next, or null when it asks nothing
     * @param questionText the question as the person reads it
     * @param settled the bot has concluded
     * @param heard what the message was understood as: symptom id and yes/no, one per reading
     */
    record Reply(String top, double confidence, String question, String questionText, boolean settled,
                 List<Heard> heard) {
        public Reply { heard = List.copyOf(heard); }
    }

    /** One reading of a message: {@code symptom} present or absent, in words. */
    record Heard(String symptom, boolean present, String label) {}

    Reply say(String conversation, String text);

    void forget(String conversation);
}
