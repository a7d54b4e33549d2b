package triage.alerts;

import triage.conversation.Turn;

import java.util.List;
import java.util.Optional;

/**
 * Where alert threads are posted: one channel of one chat platform. Slack implements it
 * ({@code triage.chat.slack.SlackAlertThreads}); a Teams conversation can plug in the same way
 * once the Bot Framework client can post proactively (start a conversation, reply to it, update an
 * activity). Every call has the platform client's deadlines and never throws for a failed post.
 */
public interface AlertThreads extends AutoCloseable {
    /**
     * Where a thread started.
     *
     * @param channel the platform's channel or conversation id
     * @param ts the root message's id on the platform (Slack's {@code ts}, a Teams activity id)
     * @param conversation the conversation id the platform's adapter uses for replies in this thread
     */
    record Thread(String channel, String ts, String conversation) {}

    /**
     * The root message of a group's thread: a line on the group's state, then details.
     *
     * @param title "Firing: RedisDown (1 alert)" or "Resolved: RedisDown"
     * @param lines the diagnosis in short, what the live checks found, the alerts' summaries
     * @param link where the group is seen in Alertmanager, or empty
     */
    record Headline(String title, List<String> lines, boolean resolved, String link) {
        public Headline {
            lines = List.copyOf(lines);
            link = link == null ? "" : link;
        }
    }

    /** Posts the root message of a new thread. @return where it landed; empty when the platform did not take it */
    Optional<Thread> start(Headline headline);

    /** Replaces the root message (the group's state changed). @return whether the platform took it */
    boolean update(Thread thread, Headline headline);

    /** Posts a turn of the thread's conversation in it (with the platform's answer buttons). */
    boolean reply(Thread thread, Turn turn);

    /** Posts a line of plain words in the thread (alerts joined or resolved). */
    boolean note(Thread thread, String text);

    /** For logs: the platform and channel. */
    String describe();

    @Override default void close() {}
}
