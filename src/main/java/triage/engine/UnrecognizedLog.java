package triage.engine;

import triage.model.Redactor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Counts what people said that matched no symptom, so runbook authors see which phrases or
 * rules to add next. Text is normalised (lower case, single spaces, end punctuation dropped)
 * and credentials ({@link Redactor}) and things that identify people or hosts are masked: e-mail addresses, IP addresses, URLs,
 * long numbers and hex ids. At most {@code capacity} entries are kept; when full, the least
 * counted, least recent entry makes room.
 */
public final class UnrecognizedLog {
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern URL = Pattern.compile("\\b[a-z][a-z0-9+.-]*://\\S+");
    private static final Pattern IP = Pattern.compile("\\b\\d{1,3}(\\.\\d{1,3}){3}(:\\d+)?\\b");
    private static final Pattern HEX = Pattern.compile("\\b(?=[0-9a-f]*\\d)[0-9a-f]{8,}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d{4,}\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern END_PUNCTUATION = Pattern.compile("[.!?,;:]+$");
    private static final int MAX_TEXT = 200;

    /** One phrase: how often, first and last seen. */
    public record Entry(String text, long count, Instant firstSeen, Instant lastSeen) {}

    private final int capacity;
    private final Clock clock;
    private final Map<String, Entry> entries = new HashMap<>();

    public UnrecognizedLog(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    static String normalise(String text) {
        String t = Redactor.redact(text).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        // each pattern only where it could match at all: no '@', no e-mail; no "://", no URL; no digit, no
        // address, id or number (what replaces them adds none of these); most long texts have none
        if (t.indexOf('@') >= 0) t = EMAIL.matcher(t).replaceAll("<email>");
        if (t.contains("://")) t = URL.matcher(t).replaceAll("<url>");
        if (hasDigit(t)) {
            t = IP.matcher(t).replaceAll("<ip>");
            t = HEX.matcher(t).replaceAll("<id>");
            t = NUMBER.matcher(t).replaceAll("<n>");
        }
        // precompiled: String.replaceAll compiles its pattern on every call
        t = END_PUNCTUATION.matcher(SPACES.matcher(t).replaceAll(" ").strip()).replaceAll("");
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }

    /** Whether {@code t} has a character {@code \d} matches (ASCII digits only, as the patterns are compiled). */
    private static boolean hasDigit(String t) {
        for (int i = 0, n = t.length(); i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') return true;
        }
        return false;
    }

    public synchronized void record(String text) {
        String key = normalise(text);
        if (key.isEmpty()) return;
        Instant now = Instant.now(clock);
        Entry e = entries.get(key);
        if (e == null && entries.size() >= capacity) evict();
        entries.put(key, e == null ? new Entry(key, 1, now, now) : new Entry(key, e.count() + 1, e.firstSeen(), now));
    }

    /**
     * Removes the least counted entry, the least recent among those, the first met on a tie: what
     * {@code Stream.min} with that order chose, in one loop (a full log evicts on every new text).
     */
    private void evict() {
        Entry least = null;
        for (Entry e : entries.values()) {
            if (least == null || e.count() < least.count()
                    || e.count() == least.count() && e.lastSeen().compareTo(least.lastSeen()) < 0) {
                least = e;
            }
        }
        if (least != null) entries.remove(least.text());
    }

    /** The most frequent first, then the most recent. */
    public synchronized List<Entry> top(int limit) {
        List<Entry> all = new ArrayList<>(entries.values());
        all.sort(Comparator.comparingLong(Entry::count).reversed().thenComparing(Entry::lastSeen, Comparator.reverseOrder()));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    public synchronized int size() { return entries.size(); }
}
