package triage.language;

import triage.knowledge.Knowledge;
import triage.knowledge.Runbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runbooks a text names by their keywords ({@code keywords} in {@code knowledge/runbooks.yaml}): a keyword
 * is named when its words stand side by side, in either order ("the staff api", "api/staff"), not when they
 * are only somewhere in the text ("the api slows when staff start work" names no staff API). Immutable.
 */
final class RunbookKeywords {
    /** Per runbook, its keywords as concepts, stopwords left out. */
    private final Map<String, List<List<String>>> byRunbook = new LinkedHashMap<>();

    RunbookKeywords(Knowledge knowledge, Analyzer analyzer) {
        for (Runbook r : knowledge.runbooks().values()) {
            List<List<String>> kw = new ArrayList<>();
            for (String k : r.keywords()) {
                List<String> words = analyzer.conceptsOf(k).stream().filter(c -> !analyzer.isStopword(c)).toList();
                if (!words.isEmpty()) kw.add(words);
            }
            byRunbook.put(r.id(), kw);
        }
    }

    /** Adds to {@code into} the runbooks whose keywords {@code tokens} name. */
    void named(List<Token> tokens, Set<String> into) {
        List<String> stems = new ArrayList<>();
        for (Token t : tokens) if (t.word() && !t.stop()) stems.add(t.stem());
        // a keyword whose words are not all in the text is not looked for side by side: the scan is for the few that are
        Set<String> present = new HashSet<>(stems);
        for (Map.Entry<String, List<List<String>>> e : byRunbook.entrySet()) {
            for (List<String> k : e.getValue()) {
                if (present.containsAll(k) && (k.size() == 1 || adjacent(stems, k))) {
                    into.add(e.getKey());
                    break;
                }
            }
        }
    }

    /** Whether {@code words} hold every word of {@code keyword} side by side, in any order. */
    private static boolean adjacent(List<String> words, List<String> keyword) {
        for (int i = 0; i + keyword.size() <= words.size(); i++) {
            if (words.subList(i, i + keyword.size()).containsAll(keyword)) return true;
        }
        return false;
    }
}
