package triage.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import triage.conversation.Turn;
import triage.model.Cause;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.render.ChatText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A turn as a Block Kit message: the cause with its confidence and what it rests on, the next
 * check with Yes / No buttons, and the same words as plain mrkdwn in {@code text} for
 * notifications. Within Slack's limits: at most {@value #MAX_BLOCKS} blocks, {@value #MAX_SECTION}
 * characters a section, short button values; everything said in mrkdwn is escaped, so text a
 * person typed cannot turn into a mention or a link.
 */
final class SlackBlocks {
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3000;
    /** All the mrkdwn of the blocks together: with {@code text} the message stays well under the ~13k where Slack balks. */
    static final int MAX_BLOCK_TEXT = 7000;
    static final String QUESTION_BLOCK = "triage_question";
    static final String YES = "triage_yes";
    static final String NO = "triage_no";
    private static final int MAX_QUESTION_IN_VALUE = 300;

    private final ObjectMapper json;

    SlackBlocks(ObjectMapper json) { this.json = json; }

    /** {@code {"text": ..., "blocks": [...]}} for one turn of {@code conversation}. */
    ObjectNode message(Turn t, String conversation) {
        List<ObjectNode> blocks = new ArrayList<>();
        if (t.memoryLost()) {
            blocks.add(context("_I could not reach my memory of this conversation, so I am answering from this message alone._"));
        }
        // the question gets its own block with buttons, the memory note its own context
        Turn bare = new Turn(t.kind(), t.diagnosis(), null, t.concluded(), t.heard(), t.notUnderstood(), false,
                t.checked(), List.of(), t.knowledge(), t.notes());
        if (!t.checked().isEmpty() && t.diagnosis().top() != null) {
            blocks.add(context("*Checked:* " + escape(String.join(", ", t.checked().stream()
                    .map(r -> r.component() + " " + r.status().wire()).toList()))));
        }
        if (t.kind() == Turn.Kind.DIAGNOSIS && t.diagnosis().top() != null) {
            if (!t.notes().isEmpty()) blocks.add(context(escape(String.join("\n", t.notes()))));
            diagnosis(t, blocks);
        } else {
            for (String chunk : chunks(escape(ChatText.render(bare, ChatText.Style.SLACK)))) blocks.add(section(chunk));
        }
        int reserved = 0;
        if (t.question() != null) {
            int before = blocks.size();
            question(t, conversation, blocks);
            for (ObjectNode b : blocks.subList(before, blocks.size())) reserved += mrkdwnLength(b);
            budget(blocks.subList(0, before), MAX_BLOCK_TEXT - reserved);
        } else {
            budget(blocks, MAX_BLOCK_TEXT);
        }
        ObjectNode m = json.createObjectNode();
        m.put("text", clip(escape(ChatText.render(t, ChatText.Style.SLACK)), MAX_SECTION));
        ArrayNode arr = m.putArray("blocks");
        for (ObjectNode b : blocks.subList(0, Math.min(blocks.size(), MAX_BLOCKS))) arr.add(b);
        return m;
    }

    /** A message of plain words (an error, a notice). */
    ObjectNode plain(String text) {
        ObjectNode m = json.createObjectNode();
        m.put("text", clip(escape(text), MAX_SECTION));
        m.putArray("blocks").add(section(clip(escape(text), MAX_SECTION)));
        return m;
    }

    private void diagnosis(Turn t, List<ObjectNode> blocks) {
        Diagnosis d = t.diagnosis();
        Cause top = d.top();
        if (t.notUnderstood() != null) {
            blocks.add(section("I did not understand \"" + escape(clipWords(t.notUnderstood())) + "\"."));
        }
        StringBuilder head = new StringBuilder();
        head.append(t.concluded() ? "Then it is *" : "Most likely *").append(escape(title(top))).append("*\n");
        head.append('`').append(bar(top.confidence())).append("` ").append(fmt(top.confidence())).append(" confidence");
        if (!top.because().isEmpty()) head.append("\n*Because:* ").append(escape(String.join(", ", top.because())));
        blocks.add(section(clip(head.toString(), MAX_SECTION)));
        if (t.concluded()) {
            if (d.remedy() != null && !d.remedy().steps().isEmpty()) {
                blocks.add(section(clip(escape(ChatText.remedy(d.remedy(), ChatText.Style.SLACK).strip()), MAX_SECTION)));
            } else if (top.nextStep() != null) {
                blocks.add(section(clip("*Next step:* " + escape(top.nextStep()), MAX_SECTION)));
            }
        } else {
            StringBuilder why = new StringBuilder();
            if (top.role() != null) why.append(escape(top.role())).append(' ');
            why.append('_').append(escape(top.runbook() + " / " + top.rule())).append('_');
            blocks.add(context(clip(why.toString(), MAX_SECTION)));
        }
        List<Cause> others = d.causes().subList(1, Math.min(d.causes().size(), 4));
        if (!others.isEmpty()) {
            StringBuilder also = new StringBuilder("*Also possible*");
            for (Cause c : others) {
                also.append("\n• ").append(escape(title(c))).append(" `").append(bar(c.confidence())).append("` ")
                        .append(fmt(c.confidence()));
                if (!c.because().isEmpty()) also.append(" - ").append(escape(String.join(", ", c.because())));
            }
            blocks.add(section(clip(also.toString(), MAX_SECTION)));
        }
        if (!d.ruledOut().isEmpty()) {
            StringBuilder out = new StringBuilder();
            for (Cause c : d.ruledOut()) {
                if (out.length() > 0) out.append('\n');
                out.append("Ruled out: *").append(escape(title(c))).append('*');
                if (!c.against().isEmpty()) out.append(", because ").append(escape(String.join(", ", c.against())));
            }
            blocks.add(context(clip(out.toString(), MAX_SECTION)));
        }
        if (t.concluded()) blocks.add(context("Say *why?* for the evidence, or tell me more if something does not fit."));
    }

    private void question(Turn t, String conversation, List<ObjectNode> blocks) {
        Check q = t.question();
        String label = t.diagnosis().understood().isEmpty() ? "First check" : "Next check";
        blocks.add(section(clip("*" + label + ":* " + escape(q.question()) + "\n_How:_ " + escape(q.how()), MAX_SECTION)));
        ObjectNode actions = json.createObjectNode();
        actions.put("type", "actions");
        actions.put("block_id", QUESTION_BLOCK);
        ArrayNode elements = actions.putArray("elements");
        elements.add(button("Yes", YES, value(conversation, q, "yes"), "primary"));
        elements.add(button("No", NO, value(conversation, q, "no"), null));
        blocks.add(actions);
    }

    /** What a button carries back: the conversation, the question it answers, the answer. */
    private String value(String conversation, Check q, String answer) {
        ObjectNode v = json.createObjectNode();
        v.put("c", conversation);
        v.put("q", q.id());
        v.put("a", answer);
        v.put("t", clip(q.question(), MAX_QUESTION_IN_VALUE));
        return v.toString();
    }

    private ObjectNode button(String text, String actionId, String value, String style) {
        ObjectNode b = json.createObjectNode();
        b.put("type", "button");
        ObjectNode label = b.putObject("text");
        label.put("type", "plain_text");
        label.put("text", text);
        b.put("action_id", actionId);
        b.put("value", value);
        if (style != null) b.put("style", style);
        return b;
    }

    /**
     * The message whose button was clicked, with the buttons replaced by the recorded answer
     * ({@code note}, already mrkdwn). {@code original} is the message's blocks when Slack sent them.
     */
    ObjectNode answered(JsonNode original, String question, String note) {
        ObjectNode m = json.createObjectNode();
        m.put("replace_original", true);
        ArrayNode blocks = m.putArray("blocks");
        if (original != null && original.isArray()) {
            for (JsonNode b : original) {
                boolean ours = "actions".equals(b.path("type").asText()) && QUESTION_BLOCK.equals(b.path("block_id").asText());
                if (!ours && blocks.size() < MAX_BLOCKS - 1) blocks.add(b);
            }
        }
        if (blocks.isEmpty() && question != null) blocks.add(section(clip("*Check:* " + escape(question), MAX_SECTION)));
        blocks.add(context(note));
        m.put("text", clip((question == null ? "" : escape(question) + " ") + note, MAX_SECTION));
        return m;
    }

    /** Cuts the texts of {@code blocks}, in order, so that together they stay within {@code budget}; drops what is left over. */
    private static void budget(List<ObjectNode> blocks, int budget) {
        int left = Math.max(0, budget);
        var it = blocks.iterator();
        while (it.hasNext()) {
            ObjectNode b = it.next();
            ObjectNode text = (ObjectNode) (b.has("text") ? b.get("text") : b.path("elements").path(0));
            String s = text.path("text").asText("");
            if (left < 20) {
                it.remove();
            } else if (s.length() > left) {
                text.put("text", clip(s, left));
                left = 0;
            } else {
                left -= s.length();
            }
        }
    }

    private static int mrkdwnLength(ObjectNode b) {
        int n = b.path("text").path("text").asText("").length();
        for (JsonNode el : b.path("elements")) n += el.path("text").isTextual() ? el.path("text").asText().length() : 0;
        return n;
    }

    /** One mrkdwn section block. */
    ObjectNode section(String mrkdwn) {
        ObjectNode s = json.createObjectNode();
        s.put("type", "section");
        ObjectNode text = s.putObject("text");
        text.put("type", "mrkdwn");
        text.put("text", mrkdwn);
        return s;
    }

    private ObjectNode context(String mrkdwn) {
        ObjectNode c = json.createObjectNode();
        c.put("type", "context");
        ObjectNode text = c.putArray("elements").addObject();
        text.put("type", "mrkdwn");
        text.put("text", mrkdwn);
        return c;
    }

    private static String title(Cause c) { return c.title() != null ? c.title() : c.name(); }

    /** Slack's three control characters; everything else in mrkdwn is literal. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Ten segments, one per 0.1 of confidence. */
    static String bar(double confidence) {
        int full = (int) Math.round(Math.max(0, Math.min(1, confidence)) * 10);
        return "\u25B0".repeat(full) + "\u25B1".repeat(10 - full);
    }

    static String fmt(double v) { return String.format(Locale.ROOT, "%.2f", v); }

    private static String clipWords(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }

    static String clip(String s, int max) {
        if (s.length() <= max) return s;
        // never cut an escape (&amp;) in half
        int cut = max - 3;
        int amp = s.lastIndexOf('&', cut);
        if (amp >= 0 && s.indexOf(';', amp) >= cut) cut = amp;
        return s.substring(0, cut) + "...";
    }

    /** Splits text at line breaks into pieces that fit a section. */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (cur.length() > 0 && cur.length() + 1 + line.length() > MAX_SECTION) {
                out.add(clip(cur.toString(), MAX_SECTION));
                cur.setLength(0);
            }
            if (cur.length() > 0) cur.append('\n');
            cur.append(line);
        }
        if (cur.length() > 0 || out.isEmpty()) out.add(clip(cur.toString().isEmpty() ? " " : cur.toString(), MAX_SECTION));
        return out;
    }
}
