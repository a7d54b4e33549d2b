package triage.chat.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HttpResponseException;
import triage.conversation.Turn;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Slack's ids and markup: checked ids, mrkdwn back to words, and the one-line summary of a turn for the log. */
final class SlackText {
    /** Slack's ids (T..., C..., U...) and timestamps (1515449522.000016); three of them always fit a conversation id. */
    static final Pattern ID_PART = Pattern.compile("[A-Za-z0-9.]{1,32}");
    private static final Pattern MENTION = Pattern.compile("<@[A-Za-z0-9]+(\\|[^>]*)?>");
    private static final Pattern CHANNEL = Pattern.compile("<#[A-Za-z0-9]+\\|([^>]*)>");
    private static final Pattern LABELLED = Pattern.compile("<(?:![^|>]*|[a-z]+:[^|>]*)\\|([^>]*)>");
    private static final Pattern SPECIAL = Pattern.compile("<!([a-z]+)>");
    private static final Pattern BARE_LINK = Pattern.compile("<([a-z]+:[^>]*)>");

    private SlackText() {}

    /** A required Slack id from a form field; 400 when missing or not shaped like one. */
    static String part(String value, String field) {
        if (value == null || value.isBlank()) throw new HttpResponseException(400, "'" + field + "' is missing");
        if (!ID_PART.matcher(value).matches()) throw new HttpResponseException(400, "'" + field + "' is not a Slack id");
        return value;
    }

    static ObjectNode ephemeral(ObjectNode message) {
        message.put("response_type", "ephemeral");
        return message;
    }

    static String summary(Turn t) {
        var top = t.diagnosis().top();
        return t.kind().name().toLowerCase(Locale.ROOT) + (top == null ? "" : ", top " + top.component())
                + (t.concluded() ? ", concluded" : "") + (t.question() == null ? "" : ", asks " + t.question().id());
    }

    /** Slack's markup as words: mentions dropped, links and channels by their labels, escapes undone. */
    static String plain(String text) {
        String t = MENTION.matcher(text).replaceAll(" ");
        t = CHANNEL.matcher(t).replaceAll(m -> Matcher.quoteReplacement("#" + m.group(1)));
        t = LABELLED.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        t = SPECIAL.matcher(t).replaceAll("@$1");
        t = BARE_LINK.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return t.replaceAll("\\s+", " ").strip();
    }
}
