package triage.language;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Typo correction: a word nobody taught the analyzer becomes the closest word it knows, if one
 * is clearly closest. Immutable but for its bounded memory of words already corrected; thread-safe.
 */
final class Speller {
    /** The words a typo may be corrected into, sorted, with their senses (two targets of one sense are no tie). */
    private final List<String> targets;
    private final Map<String, String> senses = new HashMap<>();
    /**
     * Words already corrected: the closest known word, or "" for none. The same typos come again
     * and again; bounded, so odd words cannot grow it for ever.
     */
    private final Cache<String, String> corrections = Caffeine.newBuilder().maximumSize(8192).executor(Runnable::run).build();

    /** The targets of each length, sorted: a word is measured only against those near its length. */
    private final List<List<String>> byLength = new ArrayList<>();
    /** The {@link #letters} of each target, in the order of {@link #byLength}. */
    private final List<long[]> lettersByLength = new ArrayList<>();

    /** @param targets the words a typo may be corrected into, each with its sense: its stem, or its class for a word of state */
    Speller(Map<String, String> targets) {
        List<String> sorted = new ArrayList<>(targets.keySet());
        sorted.sort(null);
        this.targets = List.copyOf(sorted);
        int longest = 0;
        for (String t : this.targets) {
            senses.put(t, targets.get(t));
            longest = Math.max(longest, t.length());
        }
        for (int len = 0; len <= longest; len++) byLength.add(new ArrayList<>());
        for (String t : this.targets) byLength.get(t.length()).add(t);
        for (List<String> same : byLength) lettersByLength.add(same.stream().mapToLong(Speller::letters).toArray());
    }

    /**
     * The characters a word holds, one bit each (letters and digits their own bit, anything else
     * shares the rest): a bound on the distance before any matrix is filled. Each run of a
     * character one word has and the other lacks costs at least one edit (only the second of a
     * doubled letter is cheaper), so a target lacking more of the word's characters than the
     * limit allows, or holding more the word lacks, cannot be within it.
     */
    static long letters(String w) {
        long bits = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            int bit = c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : 36 + c % 28;
            bits |= 1L << bit;
        }
        return bits;
    }

    /** The cells of the distance matrices a word is measured with: targets near its length times their size. */
    private long cost(String word) {
        int limit = (int) limit(word);
        long cells = 0;
        for (int len = Math.max(0, word.length() - limit); len <= word.length() + limit && len < byLength.size(); len++) {
            cells += (long) byLength.get(len).size() * len * word.length() + 1;
        }
        return cells;
    }

    private static double limit(String word) { return word.length() >= 8 ? 2.0 : 1.0; }

    /**
     * The closest known word, or null. Short words are left alone (too many near neighbours);
     * a doubled letter costs half, since "loggin" is far likelier "login" than "logging".
     */
    String correct(String word) { return correct(word, Budget.perRequest()); }

    /** As {@link #correct(String)}, paid from {@code budget}: once it is spent, the word stays as typed. */
    String correct(String word, Budget budget) {
        if (word.length() < 4 || Analyzer.isNumber(word)) return null;
        String known = corrections.getIfPresent(word);
        if (known != null) return known.isEmpty() ? null : known;
        // a word is measured against every target of about its length, cell by cell: pay for it before
        if (!budget.spend(cost(word))) return null;
        String fixed = closest(word);  // outside any lock: two threads may both work one word out, harmlessly
        corrections.put(word, fixed == null ? "" : fixed);
        return fixed;
    }

    /**
     * As {@link #correct(String, Budget)}, else the closest known word to its stem {@code stem}: a typo of an
     * inflected form may be one of its stem ("trigers" of "trigger", "disconecting" of "disconnect"). A stem under
     * five letters is too near too much ("exacly" stems to "exac", a slip from "exec"); only a word ending as an
     * inflection does ("-s", "-ed", "-ing") is measured twice, so that a body of made-up words costs little more.
     */
    String correct(String word, String stem, Budget budget) {
        String fixed = correct(word, budget);
        boolean inflected = word.endsWith("s") || word.endsWith("ed") || word.endsWith("ing");
        return fixed != null || !inflected || stem.length() < 5 || stem.equals(word) || budget.spent() ? fixed : correct(stem, budget);
    }

    private String closest(String word) {
        double limit = limit(word);
        String best = null;
        double bestDist = Double.MAX_VALUE;
        boolean tie = false;
        // only words within the limit in length can be within it in distance
        int from = (int) (word.length() - limit), to = (int) (word.length() + limit);
        long mine = letters(word);
        for (int len = Math.max(0, from); len <= to && len < byLength.size(); len++) {
            List<String> same = byLength.get(len);
            long[] theirs = lettersByLength.get(len);
            for (int k = 0; k < same.size(); k++) {
                if (Math.max(Long.bitCount(mine & ~theirs[k]), Long.bitCount(theirs[k] & ~mine)) > limit) continue;
                String cand = same.get(k);
                // a known word with letters put before or after it is another word ("coworking", "workings"), no typo of
                // it; one done again ("resending") is still the doing
                if (word.length() - cand.length() >= 2 && (word.endsWith(cand) && !word.startsWith("re") || word.startsWith(cand))) continue;
                double d = distance(word, cand, limit);
                if (d > limit) continue;
                if (d < bestDist) { bestDist = d; best = cand; tie = false; }
                else if (d == bestDist && !senses.get(cand).equals(senses.get(best))) {
                    // one letter left out is the likelier slip than one put in: "groing" is "growing" before "going"
                    // (not across longer slips: "resending" is no "responding")
                    boolean dropped = d <= 1 && cand.length() > word.length(), bestDropped = d <= 1 && best.length() > word.length();
                    if (dropped && !bestDropped) { best = cand; tie = false; }
                    else if (dropped == bestDropped) tie = true;
                }
            }
        }
        return tie ? null : best;
    }

    /**
     * Damerau-Levenshtein (optimal string alignment) weighted for how people mistype: a doubled
     * letter costs half, swapped neighbours three quarters ("laod" is "load" before it is "land").
     * Stops early past {@code limit}.
     */
    static double distance(String a, String b, double limit) {
        int n = a.length(), m = b.length();
        // three rolling rows of the matrix: the one before last is needed for transpositions
        double[] before = new double[m + 1], prev = new double[m + 1], cur = new double[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            double rowMin = Double.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                char ca = a.charAt(i - 1), cb = b.charAt(j - 1);
                double sub = prev[j - 1] + (ca == cb ? 0 : 1);
                double del = prev[j] + (i >= 2 && a.charAt(i - 2) == ca ? 0.5 : 1);
                double ins = cur[j - 1] + (j >= 2 && b.charAt(j - 2) == cb ? 0.5 : 1);
                double v = Math.min(sub, Math.min(del, ins));
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, before[j - 2] + 0.75);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) return rowMin;
            double[] t = before;
            before = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
