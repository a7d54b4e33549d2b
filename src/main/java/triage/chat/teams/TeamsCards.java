package triage.chat.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import triage.conversation.Turn;
import triage.model.Cause;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.render.ChatText;

import java.util.List;
import java.util.Locale;

/**
 * A turn as an Adaptive Card for the Teams bot: the suspects with their confidence, the next check,
 * and {@code Action.Submit} buttons (Yes / No / Not sure / Check it for me / Why?) whose data comes
 * back as a message activity's {@code value}: {@code {"triage": {"q": question id, "a": answer}}}.
 * Words a person typed are shown without the characters Teams' card markdown would turn into
 * formatting or links.
 */
final class TeamsCards {
    static final String CARD = "application/vnd.microsoft.card.adaptive";
    static final String KEY = "triage";
    /** Answers a button may carry, and the words each stands for in the conversation. */
    static final List<String> ANSWERS = List.of("yes", "no", "not sure", "check", "why");
    private static final int MAX_TEXT = 3000;

    private final ObjectMapper json;

    TeamsCards(ObjectMapper json) { this.json = json; }

    /** The card for one turn, as an activity's attachment list entry. */
    ObjectNode card(Turn t) {
        ObjectNode card = json.createObjectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.5");
        ArrayNode body = card.putArray("body");
        if (t.memoryLost()) {
            text(body, "_I could not reach my memory of this conversation, so I am answering from this message alone._", true);
        }
        if (!t.checked().isEmpty() && t.diagnosis().top() != null) {
            text(body, "**Checked:** " + plainText(String.join(", ", t.checked().stream()
                    .map(r -> r.component() + " " + r.status().wire()).toList())), true);
        }
        if (t.kind() == Turn.Kind.DIAGNOSIS && t.diagnosis().top() != null) {
            diagnosis(t, body);
        } else {
            Turn bare = new Turn(t.kind(), t.diagnosis(), null, t.concluded(), t.heard(), t.notUnderstood(), false,
                    t.checked(), List.of(), t.knowledge());
            text(body, clip(ChatText.render(bare, ChatText.Style.MARKDOWN)), false);
        }
        Check q = t.question();
        ArrayNode actions = card.putArray("actions");
        if (q != null) {
            String label = t.diagnosis().understood().isEmpty() ? "First check" : "Next check";
            text(body, "**" + label + ":** " + plainText(q.question()), false).put("spacing", "Medium");
            if (q.how() != null && !q.how().isBlank()) text(body, "_How:_ " + plainText(q.how()), true);
            submit(actions, "Yes", q, "yes");
            submit(actions, "No", q, "no");
            submit(actions, "Not sure", q, "not sure");
        }
        if (!t.canCheck().isEmpty() && (q != null || t.kind() == Turn.Kind.DIAGNOSIS)) submit(actions, "Check it for me", q, "check");
        if (t.kind() == Turn.Kind.DIAGNOSIS && t.diagnosis().top() != null) submit(actions, "Why?", q, "why");
        ObjectNode attachment = json.createObjectNode();
        attachment.put("contentType", CARD);
        attachment.set("content", card);
        return attachment;
    }

    private void diagnosis(Turn t, ArrayNode body) {
        Diagnosis d = t.diagnosis();
        Cause top = d.top();
        if (t.notUnderstood() != null) text(body, "I did not understand \"" + safe(clipWords(t.notUnderstood())) + "\".", true);
        text(body, (t.concluded() ? "Then it is **" : "Most likely **") + plainText(title(top)) + "** (" + fmt(top.confidence())
                + " confidence)", false).put("size", "Medium");
        if (!top.because().isEmpty()) text(body, "**Because:** " + plainText(String.join(", ", top.because())), true);
        if (t.concluded() && top.nextStep() != null) text(body, "**Next step:** " + plainText(top.nextStep()), false);
        List<Cause> others = d.causes().subList(1, Math.min(d.causes().size(), 4));
        if (!others.isEmpty()) {
            text(body, "**Also possible**", false).put("spacing", "Medium");
            ObjectNode facts = body.addObject();
            facts.put("type", "FactSet");
            ArrayNode list = facts.putArray("facts");
            for (Cause c : others) {
                ObjectNode f = list.addObject();
                f.put("title", plainText(title(c)));
                f.put("value", fmt(c.confidence()) + (c.because().isEmpty() ? "" : " - " + plainText(String.join(", ", c.because()))));
            }
        }
        for (Cause c : d.ruledOut()) {
            text(body, "Ruled out: **" + plainText(title(c)) + "**" + (c.against().isEmpty() ? "" : ", because "
                    + plainText(String.join(", ", c.against()))), true);
        }
    }

    private void submit(ArrayNode actions, String title, Check q, String answer) {
        ObjectNode a = actions.addObject();
        a.put("type", "Action.Submit");
        a.put("title", title);
        ObjectNode data = a.putObject("data").putObject(KEY);
        if (q != null) data.put("q", q.id());
        data.put("a", answer);
    }

    private static ObjectNode text(ArrayNode body, String text, boolean subtle) {
        ObjectNode b = body.addObject();
        b.put("type", "TextBlock");
        b.put("text", clip(text));
        b.put("wrap", true);
        if (subtle) b.put("isSubtle", true);
        return b;
    }

    /** A plain markdown reply (a notice, an error). */
    ObjectNode plain(String markdown) {
        ObjectNode m = json.createObjectNode();
        m.put("type", "message");
        m.put("textFormat", "markdown");
        m.put("text", clip(TeamsAdapter.markdown(markdown)));
        return m;
    }

    /** Characters Teams' card markdown acts on, dropped from words that came from outside the runbooks. */
    static String safe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("*_[]()<>`#~".indexOf(c) < 0) b.append(c);
        }
        return b.toString();
    }

    /** Runbook words: trusted, shown as they are. */
    private static String plainText(String s) { return s; }

    private static String title(Cause c) { return c.title() != null ? c.title() : c.name(); }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.2f", v); }

    private static String clip(String s) { return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT - 3) + "..." : s; }

    private static String clipWords(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }
}
