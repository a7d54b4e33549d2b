package triage.engine;

import triage.model.Observation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a conversation's history says about asking: questions set aside ("not sure"), which come
 * again only when nothing better is left; the one set aside just now, which is not asked again
 * at once; and those asked a second time already because one answer alone decided
 * ({@link Corroboration}), which are not asked a third time that way.
 */
record Asking(Set<String> setAside, Set<String> rechecked, String notNow) {
    Asking {
        setAside = Set.copyOf(setAside);
        rechecked = Set.copyOf(rechecked);
        notNow = notNow != null && setAside.contains(notNow) ? notNow : null;
    }

    static Asking of(Set<String> setAside, Set<String> rechecked, String notNow) {
        return new Asking(setAside == null ? Set.of() : setAside, rechecked == null ? Set.of() : rechecked, notNow);
    }

    boolean mayAsk(String id, boolean evenSetAside) {
        return !setAside.contains(id) || evenSetAside && !id.equals(notNow);
    }

    /** What of this the outcome of a diagnosis depends on, for remembering it. */
    Set<String> keyed() {
        if (notNow == null && rechecked.isEmpty()) return setAside;
        Set<String> k = new LinkedHashSet<>(setAside);
        if (notNow != null) k.add("!" + notNow);
        for (String r : rechecked) k.add("~" + r);
        return k;
    }

    /**
     * What in {@code said} (a conversation's observations) the person answered themselves: a reply
     * to a question, or text after the first message. What the first message said raised the
     * suspicion; it is no answer to a question, and a live measurement is none either.
     */
    static Predicate<Observation> ownAnswers(List<Observation> said) {
        Predicate<Observation> opening = opening(said);
        return o -> Observation.ANSWER.equals(o.getSource())
                || Observation.TEXT.equals(o.getSource()) && !opening.test(o);
    }

    /**
     * What in {@code said} the first message said: among the readings before the first answer,
     * the message read by phrase (its whole text) and the clauses of it read by example (part of
     * that text), so that a clause is not taken for a later message.
     */
    static Predicate<Observation> opening(List<Observation> said) {
        Set<Observation> first = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        String text = null;
        for (Observation o : said) {
            if (!Observation.TEXT.equals(o.getSource())) break;
            if (text == null) text = o.getText();
            if (o.getText().equals(text) || text.contains(o.getText()) || o.getText().contains(text)) first.add(o);
        }
        return first::contains;
    }
}
