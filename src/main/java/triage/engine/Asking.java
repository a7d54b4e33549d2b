package triage.engine;

import java.util.LinkedHashSet;
import java.util.Set;

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
}
