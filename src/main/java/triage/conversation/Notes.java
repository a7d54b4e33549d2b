package triage.conversation;

import triage.engine.Answer;
import triage.engine.Triage;
import triage.knowledge.Knowledge;
import triage.knowledge.Symptom;
import triage.model.Cause;
import triage.model.Diagnosis;
import triage.model.Observation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reply says changed this turn, for a person: a question set aside ("not sure"), answers
 * changed and what was withdrawn with them, a settled cause that no longer fits; or, for a
 * message that cannot be read as an answer, how to answer instead.
 */
final class Notes {
    private final Triage triage;

    Notes(Triage triage) { this.triage = triage; }

    static String clarification(Answer a, String asked) {
        Symptom s = a.knowledge().symptoms().get(asked);
        String q = s == null ? asked : s.question();
        return "I could not read that as an answer to \"" + q + "\" Say yes, no or not sure, or tell me what you see.";
    }

    /** What changed this turn, for a person: a question set aside, answers changed, a settled cause reopened. */
    List<String> of(ConversationState before, Answer a, boolean settled) {
        List<String> out = new ArrayList<>();
        Knowledge k = a.knowledge();
        if (a.setAsideNow() != null) {
            Symptom s = k.symptoms().get(a.setAsideNow());
            out.add("Setting that aside (" + (s == null ? a.setAsideNow() : s.question())
                    + "); the diagnosis has not moved. I will come back to it only if nothing better is left.");
        }
        Map<String, Observation> was = new HashMap<>();
        for (Observation o : before.observations()) was.put(o.getSymptom(), o);
        if (a.doubted() != null && was.containsKey(a.doubted())) {
            Symptom s = k.symptoms().get(a.doubted());
            out.add("That is not what you said before (" + k.label(was.get(a.doubted())) + "), so I am setting both answers"
                    + " aside (" + (s == null ? a.doubted() : s.question()) + ") and looking again.");
        }
        List<String> changed = new ArrayList<>();
        for (Observation o : a.observations()) {
            Observation old = was.get(o.getSymptom());
            if (old != null && old.isPresent() != o.isPresent()) changed.add(k.label(o) + " (before: " + k.label(old) + ")");
        }
        if (!changed.isEmpty()) {
            StringBuilder sb = new StringBuilder("Changed: ").append(String.join("; ", changed)).append('.');
            Diagnosis old = triage.answer(Conversations.said(List.of(), before, false)).diagnosis();
            List<String> gone = new ArrayList<>();
            for (Observation o : old.understood()) {
                if (Observation.INFERRED.equals(o.getSource())
                        && a.diagnosis().understood().stream().noneMatch(n -> n.getSymptom().equals(o.getSymptom())
                        && n.isPresent() == o.isPresent())) {
                    gone.add(k.label(o));
                }
            }
            for (Cause c : old.causes()) {
                if (a.diagnosis().causes().stream().noneMatch(n -> n.component().equals(c.component()))) {
                    gone.add("the suspicion of " + c.name());
                }
            }
            if (!gone.isEmpty()) sb.append(" Withdrawn with the old answer: ").append(String.join(", ", gone)).append('.');
            out.add(sb.toString());
        }
        Cause top = a.diagnosis().top();
        if (before.settledOn() != null && (!settled || !before.settledOn().equals(top.component()))) {
            String name = k.components().containsKey(before.settledOn()) ? k.components().get(before.settledOn()).name()
                    : before.settledOn();
            out.add("That does not fit " + name + ", so I am looking again.");
        }
        return out;
    }
}
