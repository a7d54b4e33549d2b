package triage.language;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A message that takes back what came before: "false alarm", "never mind, it was my own laptop",
 * "I opened the test site by mistake" ("opened the test site"), "that was a planned drill". What was reported before it
 * was no fault of the system (the person's own device or network, the wrong address, a planned
 * test), so nothing said before it, nor the message itself, is read as an observation: the bot is
 * left unsure, as if nothing had been said. A denial of a fault in the system ("it was not the
 * database") or a fix ("restarted core, works now") is no retraction.
 */
final class Retractions {
    private Retractions() {}

    private static final String DEVICE = "(?:laptop|pc|computer|desktop|machine|phone|mobile|tablet|wifi|wi-fi|vpn|proxy"
            + "|browser|browser cache|cache|network|home network|internet|connection|adblocker|ad blocker|extension|"
            + "dns settings|proxy settings|network settings|settings|end|side|fault|typo|mistake)";
    private static final Pattern RETRACTION = Pattern.compile(
            "\\b(?:false alarm|never\\s?mind|nvm|my bad|my mistake|scratch that|ignore (?:that|this|me|my last|the above)"
            + "|disregard (?:that|this|me|my|the above)"
            + "|it was (?:just |only |all )?(?:on )?(?:my|our) (?:own |local |office |home )?" + DEVICE
            + "|(?:typed|used|had|opened|was on|hit|clicked|bookmarked) (?:the |a )?(?:wrong|staging|test|dev|old) (?:url|link|address|site|environment|env|server|tenant|domain)"
            + "|(?:planned|scheduled|announced) (?:load |stress |failover |dr )?(?:test|drill|exercise))\\b");

    /** Whether {@code text} takes back what was reported before it. */
    static boolean retracts(String text) {
        return text != null && RETRACTION.matcher(text.toLowerCase(Locale.ROOT).replace('\u2019', '\'')).find();
    }
}
