package triage.simulate;

import java.util.List;

/**
 * How one simulated conversation ended.
 *
 * @param top the leading cause at the end, or null when none stands
 * @param confidence its stated confidence (0 when none)
 * @param right {@code top} is the profile's component
 * @param concluded the bot had settled at the end
 * @param questions questions answered after the opening
 * @param wrongAnswers yes/no answers that were turned around
 * @param unread answers the bot did not read as the symptom and yes/no meant
 * @param transcript the conversation, one line a message
 */
public record Outcome(String fault, String component, String stack, Simulation.Order order, int run, String top,
                      double confidence, boolean right, boolean concluded, int questions, int wrongAnswers, int unread,
                      List<Line> transcript) {
    public Outcome { transcript = List.copyOf(transcript); }

    /** One message: who said it ({@code person} or {@code bot}) and what. */
    public record Line(String who, String text) {}

    public boolean rightAndConcluded() { return right && concluded; }
}
