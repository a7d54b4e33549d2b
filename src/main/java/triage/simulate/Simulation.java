package triage.simulate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Plays one conversation between the bot and an {@link Engineer}: the opening, then one answer
 * per question until the bot settles, asks nothing, or {@code maxQuestions} are answered.
 *
 * <p>{@link Order#ENGINE} answers the question the bot asks. {@link Order#FIXED} follows the
 * runbook's fixed order instead: the person states the next unchecked symptom of that order as a
 * sentence ("login fails"), which the bot reads like any other message, and skips (still counting
 * it) a check they cannot make; a check they made that the bot asks to have made once more (one
 * answer alone would decide) they make again. The engine reads every message and decides causes and settling
 * alike in both orders; only the choice of what to check next differs.
 */
public final class Simulation {
    /** Who chooses the next check. */
    public enum Order {
        ENGINE, FIXED;

        public String label() { return name().toLowerCase(Locale.ROOT); }
    }

    private final Bot bot;
    private final FixedOrder fixed;
    private final int maxQuestions;

    public Simulation(Bot bot, FixedOrder fixed, int maxQuestions) {
        if (maxQuestions < 0) throw new IllegalArgumentException("max questions must be at least 0");
        this.bot = bot;
        this.fixed = fixed;
        this.maxQuestions = maxQuestions;
    }

    public Outcome play(Engineer person, Order order, int run) {
        Profile p = person.profile();
        String id = "sim:" + order.label() + ":" + run + ":" + p.id().replaceAll("[^A-Za-z0-9._:@-]", "_");
        List<Outcome.Line> transcript = new ArrayList<>();
        bot.forget(id);
        try {
            transcript.add(new Outcome.Line("person", p.opening()));
            Bot.Reply reply = bot.say(id, p.opening());
            transcript.add(new Outcome.Line("bot", describe(reply)));
            Set<String> checked = new HashSet<>();
            reply.heard().forEach(h -> checked.add(h.symptom()));
            List<String> route = fixed.of(p.stack());
            int questions = 0, flipped = 0, unread = 0;
            Set<String> stated = new HashSet<>();
            while (!reply.settled() && reply.question() != null && questions < maxQuestions) {
                // by hand too, a check the bot asks to have made once more is made once more
                String symptom = order == Order.ENGINE || stated.contains(reply.question()) ? reply.question()
                        : next(route, checked);
                if (symptom == null) break;
                checked.add(symptom);
                stated.add(symptom);
                questions++;
                Engineer.Answer a = person.answer(symptom);
                if (a.flipped()) flipped++;
                if (order == Order.FIXED) {
                    if (a.value() == null) {
                        // nothing to state: a person following the runbook by hand skips what they cannot check
                        transcript.add(new Outcome.Line("person", "(" + symptom + ": " + a.text() + ", skipped)"));
                        continue;
                    }
                    String text = statement(p, symptom, a.value(), id);
                    transcript.add(new Outcome.Line("person", text + mark(a)));
                    reply = bot.say(id, text);
                } else {
                    transcript.add(new Outcome.Line("person", a.text() + mark(a)));
                    reply = bot.say(id, a.text());
                }
                reply.heard().forEach(h -> checked.add(h.symptom()));
                if (a.value() != null && reply.heard().stream().noneMatch(h -> h.symptom().equals(symptom) && h.present() == a.value())) {
                    unread++;
                    transcript.add(new Outcome.Line("bot", describe(reply) + "   [answer not read as meant]"));
                } else {
                    transcript.add(new Outcome.Line("bot", describe(reply)));
                }
            }
            boolean right = p.component().equals(reply.top());
            return new Outcome(p.id(), p.component(), p.stack(), order, run, reply.top(), reply.confidence(), right,
                    reply.settled(), questions, flipped, unread, transcript);
        } finally {
            bot.forget(id);
        }
    }

    /**
     * The first way of stating {@code symptom} that the bot reads as meant, tried in a scratch
     * conversation that has heard the same opening: read as exactly that, or else as that plus only
     * what the person would also say is true, or else as that plus something else. The reader is the bot's; this keeps the reference
     * order from paying for one wording the reader happens to miss.
     */
    private String statement(Profile p, String symptom, boolean value, String id) {
        FixedOrder.Statement s = fixed.statements().get(symptom);
        if (s == null) return symptom + ": " + (value ? "yes" : "no");
        List<String> ways = s.ways(value);
        String agreeing = null, read = null;
        String scratch = id + ":scratch";
        for (String way : ways) {
            bot.forget(scratch);
            // after the opening, so that a question stands open as in the real conversation and a way
            // that reads as a bare "no" to it ("it is not ...") shows up as the extra reading it is
            bot.say(scratch, p.opening());
            List<Bot.Heard> heard = bot.say(scratch, way).heard();
            if (heard.stream().noneMatch(h -> h.symptom().equals(symptom) && h.present() == value)) continue;
            boolean exact = heard.stream().allMatch(h -> h.symptom().equals(symptom));
            if (exact) {
                bot.forget(scratch);
                return way;
            }
            if (agreeing == null && heard.stream().allMatch(h -> h.symptom().equals(symptom)
                    || Boolean.valueOf(h.present()).equals(p.truth(h.symptom())))) {
                agreeing = way;
            }
            if (read == null) read = way;
        }
        bot.forget(scratch);
        return agreeing != null ? agreeing : read != null ? read : ways.get(0);
    }

    private static String next(List<String> route, Set<String> checked) {
        for (String s : route) if (!checked.contains(s)) return s;
        return null;
    }

    private static String mark(Engineer.Answer a) {
        return a.flipped() ? "   [wrong answer]" : "";
    }

    private static String describe(Bot.Reply r) {
        StringBuilder b = new StringBuilder();
        if (!r.heard().isEmpty()) {
            b.append("read: ").append(String.join(", ", r.heard().stream().map(Bot.Heard::label).toList())).append(". ");
        }
        b.append(r.top() == null ? "no cause" : r.top() + String.format(Locale.ROOT, " %.2f", r.confidence()));
        if (r.settled()) b.append(", settled");
        else if (r.question() != null) b.append("; asks ").append(r.question()).append(": ").append(r.questionText());
        else b.append("; nothing left to ask");
        return b.toString();
    }
}
