package triage.conversation;

import java.util.Locale;
import java.util.Set;

/** The few words a conversation takes as commands rather than as what someone sees. */
final class Commands {
    static final Set<String> HELP = Set.of("help", "?", "what can you do", "how does this work", "usage");
    static final Set<String> RESET = Set.of("start over", "reset", "restart", "start again", "new",
            "clear", "forget it", "begin again");
    static final Set<String> CHECK = Set.of("check", "check it", "check for me", "check them", "run the checks",
            "run checks", "probe", "can you check", "check please", "go ahead and check");
    static final Set<String> WHY = Set.of("why", "why?", "explain", "how do you know", "why is that",
            "what makes you think so", "why do you think so");

    static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z? ]", " ").replaceAll("\\s+", " ").trim()
                .replaceAll("^(please|ok|okay) ", "").replaceAll(" please$", "");
    }
}
