package triage.language;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One way of saying a symptom, compiled: the concepts that must all appear near each other, in
 * any order. A term is a word, a choice {@code (a|b|c)}, or a class: {@code @fail}, {@code @ok},
 * {@code @state} (either) or {@code @neg}. Words of a class are shared: "redis and etcd are
 * down" lets both names use the one "down".
 */
final class Phrase {
    private static final Pattern PART = Pattern.compile("\\(([^)]*)\\)|@([a-z]+)|([^()@]+)");

    /** A phrase names a few things near each other; the reader's reach across "and" depends on it. */
    static final int MAX_TERMS = 8;

    enum Cls { NONE, FAIL, OK, STATE, NEG }

    record Term(Set<String> concepts, Cls cls) {
        boolean literal() { return cls == Cls.NONE; }

        boolean matches(Token t) {
            if (!t.word()) return false;
            return switch (cls) {
                case NONE -> concepts.contains(t.stem());
                case FAIL -> t.failure();
                case OK -> t.healthy();
                case STATE -> t.failure() || t.healthy();
                case NEG -> t.negation();
            };
        }
    }

    final String symptom;
    final boolean affirms;
    final String text;
    final List<Term> terms;
    final int literals;

    private Phrase(String symptom, boolean affirms, String text, List<Term> terms) {
        this.symptom = symptom;
        this.affirms = affirms;
        this.text = text;
        this.terms = List.copyOf(terms);
        this.literals = (int) terms.stream().filter(Term::literal).count();
    }

    static Phrase compile(String symptom, boolean affirms, String text, Analyzer analyzer) {
        List<Term> terms = new ArrayList<>();
        Matcher m = PART.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (m.group(1) != null) {
                Set<String> alts = new LinkedHashSet<>();
                for (String alt : m.group(1).split("\\|")) {
                    // a class is a term of its own: in a choice it would read as the word ("@fail" as "fail")
                    if (alt.strip().startsWith("@")) {
                        throw new IllegalArgumentException("choice '" + alt.trim() + "' in phrase '" + text
                                + "' is a class; write a phrase of its own for it");
                    }
                    // a choice is the author's explicit word: even "some" or "over" counts here
                    List<String> c = analyzer.conceptsOf(alt);
                    if (c.size() != 1) {
                        throw new IllegalArgumentException("choice '" + alt.trim() + "' in phrase '" + text
                                + "' must be one word or one lexicon concept");
                    }
                    alts.add(c.get(0));
                }
                terms.add(new Term(alts, Cls.NONE));
            } else if (m.group(2) != null) {
                Cls cls = switch (m.group(2)) {
                    case "fail" -> Cls.FAIL;
                    case "ok" -> Cls.OK;
                    case "state" -> Cls.STATE;
                    case "neg" -> Cls.NEG;
                    default -> throw new IllegalArgumentException("unknown class @" + m.group(2) + " in phrase '" + text
                            + "' (use @fail, @ok, @state or @neg)");
                };
                terms.add(new Term(Set.of(), cls));
            } else {
                for (String c : content(analyzer.conceptsOf(m.group(3)), analyzer)) terms.add(new Term(Set.of(c), Cls.NONE));
            }
        }
        if (terms.size() > MAX_TERMS) {
            throw new IllegalArgumentException("phrase '" + text + "' has " + terms.size() + " terms; at most " + MAX_TERMS);
        }
        if (terms.stream().noneMatch(Term::literal)) {
            throw new IllegalArgumentException("phrase '" + text + "' has no content word");
        }
        return new Phrase(symptom, affirms, text, terms);
    }

    /** Stopwords carry no meaning in a phrase; negations do ("no core instances"). */
    private static List<String> content(List<String> concepts, Analyzer a) {
        List<String> out = new ArrayList<>();
        for (String c : concepts) if (!a.isStopword(c) || a.isNegation(c)) out.add(c);
        return out;
    }

    @Override public String toString() { return symptom + (affirms ? " says '" : " denies '") + text + "'"; }
}
