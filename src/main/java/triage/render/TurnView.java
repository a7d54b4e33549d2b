package triage.render;

import com.fasterxml.jackson.core.JsonGenerator;
import triage.conversation.Turn;

import java.io.IOException;

/**
 * The conversation response body ({@code POST /api/conversations/{id}/messages}): the reply plus
 * the structured diagnosis behind it, written field by field like {@link JsonView}; {@code maybe}
 * as in the diagnosis body; {@code remedy} once settled, {@code notes} on what changed this turn.
 */
public final class TurnView {
    private TurnView() {}

    public static void write(JsonGenerator g, JsonView view, Turn turn, String reply) throws IOException {
        g.writeStartObject();
        g.writeStringField("reply", reply);
        g.writeFieldName("causes");
        view.causes(g, turn.diagnosis().causes());
        g.writeFieldName("ruledOut");
        view.causes(g, turn.diagnosis().ruledOut());
        g.writeFieldName("nextCheck");
        if (turn.question() == null) g.writeNull();
        else JsonView.check(g, turn.question());
        g.writeBooleanField("concluded", turn.concluded());
        if (turn.concluded() && turn.diagnosis().remedy() != null) {
            g.writeFieldName("remedy");
            JsonView.remedy(g, turn.diagnosis().remedy());
        }
        if (!turn.notes().isEmpty()) {
            g.writeArrayFieldStart("notes");
            for (String n : turn.notes()) g.writeString(n);
            g.writeEndArray();
        }
        g.writeFieldName("understood");
        JsonView.understood(g, turn.heard(), turn.knowledge());
        JsonView.maybe(g, turn.diagnosis().maybe());
        g.writeBooleanField("memoryLost", turn.memoryLost());
        g.writeEndObject();
    }
}
