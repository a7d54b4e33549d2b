package triage.language;

import java.util.regex.Pattern;

/**
 * A list written as items and their states, each after a comma ("not working: executes, not working;
 * triggers, not firing"): the comma parts an item from its own state, not two clauses, and is dropped
 * ("executes not working"). Only an item that opens after a colon or a semicolon and a state of "not"
 * and one word that ends at the next semicolon or full stop. One of {@link Fields}' rewrites, on
 * lower-cased text, linear in its length.
 */
final class ItemStates {
    private ItemStates() {}

    private static final Pattern ITEM_STATE = Pattern.compile("(?<=[:;] ?)([a-z][a-z0-9 '/-]{0,40}), (not [a-z]+)(?= ?[;.\\n]| ?$)");

    static String rewrite(String s) {
        if (s.indexOf(';') < 0 || !s.contains(", not ")) return s;
        return ITEM_STATE.matcher(s).replaceAll("$1 $2");
    }
}
