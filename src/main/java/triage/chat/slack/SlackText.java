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

    /**
     * Slack's markup as words: mentions dropped, links and channels by their labels, escapes undone.
     * One pass over the text (no regular expression that could backtrack over a flood of {@code <}).
     */
    static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length(), close = -1, i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c != '<') {
                out.append(c);
                i++;
                continue;
            }
            if (close != Integer.MAX_VALUE && close < i) {
                close = text.indexOf('>', i);
                if (close < 0) close = Integer.MAX_VALUE;
            }
            int open = close == Integer.MAX_VALUE ? -1 : text.indexOf('<', i + 1);
            if (close == Integer.MAX_VALUE || (open >= 0 && open < close)) {
                out.append('<');  // no markup starts here: another '<' comes first, or no '>' at all
                i++;
                continue;
            }
            out.append(markup(text.substring(i + 1, close)));
            i = close + 1;
        }
        String t = out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern SCHEME = Pattern.compile("[a-z]+:.*", Pattern.DOTALL);
    private static final Pattern SPECIAL_NAME = Pattern.compile("![a-z]+");

    /** What {@code <inner>} stands for: a mention (dropped), a channel or link (its label), a special ({@code @here}). */
    private static String markup(String inner) {
        int bar = inner.indexOf('|');
        String head = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? null : inner.substring(bar + 1);
        if (head.startsWith("@") && WORD.matcher(head.substring(1)).matches()) return " ";
        if (head.startsWith("#") && label != null && WORD.matcher(head.substring(1)).matches()) return "#" + label;
        if (label != null && (head.startsWith("!") || SCHEME.matcher(head).matches())) return label;
        if (label == null && SPECIAL_NAME.matcher(head).matches()) return "@" + head.substring(1);
        if (label == null && SCHEME.matcher(head).matches()) return head;
        return "<" + inner + ">";
    }
}
