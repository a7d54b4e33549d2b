package triage.language;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.tartarus.snowball.ext.EnglishStemmer;
import triage.knowledge.Lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns text into tokens: contractions expanded, typos corrected against the known vocabulary
 * (by {@link Speller}), words stemmed (Snowball English, from Lucene), and every way of saying a concept folded into
 * the concept. Immutable and thread-safe once built.
 */
final class Analyzer {
    private static final Pattern WORDS = Pattern.compile("[a-z0-9]+|[.;:!?]|,");
    private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);

    /** Multi-word ways of saying a concept, keyed by their first stem. */
    private final Map<String, List<Variant>> variants = new HashMap<>();
    private final Set<String> negations = new HashSet<>();
    private final Set<String> failure = new HashSet<>();
    private final Set<String> healthy = new HashSet<>();
    private final Set<String> strongBreaks = new HashSet<>();
    private final Set<String> weakBreaks = new HashSet<>();
    private final Set<String> exceptions = new HashSet<>(), stopwords = new HashSet<>(), bare = new HashSet<>();
    /** Cues written "=word" in the lexicon: only that exact form counts ("running", not "run"). */
    private final Set<String> exactNegations = new HashSet<>();
    private final Set<String> exactFailure = new HashSet<>();
    private final Set<String> exactHealthy = new HashSet<>();
    /** Synonyms written "=word": only that form is the concept ("readiness" is a health check, "ready" is not). */
    private final Map<String, String> exactConcepts = new HashMap<>();
    /** Surface words and stems that are known; anything else may be a typo. */
    private final Set<String> knownSurfaces = new HashSet<>();
    private final Set<String> knownStems = new HashSet<>();
    private final Speller speller;

    private record Variant(List<String> stems, String concept) {}

    Analyzer(Lexicon lexicon, Iterable<String> vocabularyText) {
        List<String> stopwordList = lexicon.stopwords();
        for (Map.Entry<String, List<String>> e : lexicon.synonyms().entrySet()) {
            String concept = e.getKey().toLowerCase(Locale.ROOT);
            addVariant(List.of(concept), concept);
            addVariant(rawStems(concept), concept);
            for (String way : e.getValue()) {
                if (way.startsWith("=")) exactConcepts.put(way.substring(1).toLowerCase(Locale.ROOT).trim(), concept);
                else addVariant(rawStems(way), concept);
            }
            knownStems.add(concept);
        }
        classify(exact(lexicon.negations(), exactNegations), negations);
        classify(exact(lexicon.failure(), exactFailure), failure);
        classify(exact(lexicon.healthy(), exactHealthy), healthy);
        classify(lexicon.strongBreaks(), strongBreaks);
        classify(lexicon.weakBreaks(), weakBreaks);
        classify(lexicon.exceptions(), exceptions);
        classify(lexicon.bare(), bare);
        classify(stopwordList, stopwords);
        for (String text : vocabularyText) learn(text);
        for (List<String> l : List.of(exactNegations.stream().toList(), exactFailure.stream().toList(),
                exactHealthy.stream().toList(), lexicon.negations(), lexicon.failure(), lexicon.healthy(),
                lexicon.strongBreaks(), lexicon.weakBreaks(), lexicon.exceptions(), lexicon.bare(), stopwordList,
                lexicon.yes(), lexicon.no())) for (String s : l) if (!s.startsWith("=")) learn(s);
        lexicon.synonyms().forEach((concept, ways) -> { learn(concept); ways.forEach(this::learn); });
        // a typo is corrected into a word that carries meaning or state, never into a short negation
        // ("nit" must not become "not"); English words are never corrected at all
        Map<String, String> typoTargets = new HashMap<>();
        for (String s : knownSurfaces) {
            String st = stems(s);
            // words of state of four letters or more are fair targets ("donw" is "down"); negations only from six
            // letters on ("nothng" is "nothing"), where no ordinary word is one letter from one
            if (s.length() < 4 || isNumber(s) || (negations.contains(st) && s.length() < 6) || stopwords.contains(st) || exactNegations.contains(s)
                    || exactFailure.contains(s) || exactHealthy.contains(s)) continue;
            // two words of one state are one sense: "brokn" is "broke" or "broken", failing either way
            typoTargets.put(s, failure.contains(st) ? "@fail" : healthy.contains(st) ? "@ok" : st);
        }
        speller = new Speller(typoTargets);
        building = null;
    }

    private void learn(String text) {
        Matcher m = WORDS.matcher(Contractions.expand(text.toLowerCase(Locale.ROOT)));
        while (m.find()) {
            String w = m.group();
            if (!Character.isLetterOrDigit(w.charAt(0))) continue;
            knownSurfaces.add(w);
            knownStems.add(stems(w));
        }
    }

    /** Variants are folded longest first, so "load balancer" wins over "load". */
    private void addVariant(List<String> stems, String concept) {
        if (stems.isEmpty()) return;
        List<Variant> list = variants.computeIfAbsent(stems.get(0), k -> new ArrayList<>());
        for (Variant v : list) if (v.stems().equals(stems)) return;
        list.add(new Variant(stems, concept));
        list.sort((a, b) -> b.stems().size() - a.stems().size());
    }

    /** Splits off the "=word" entries into {@code into}; returns the rest. */
    private static List<String> exact(List<String> words, Set<String> into) {
        List<String> rest = new ArrayList<>();
        for (String w : words) {
            if (w.startsWith("=")) into.add(w.substring(1).toLowerCase(Locale.ROOT).trim());
            else rest.add(w);
        }
        return rest;
    }

    /** A lexicon entry may be several words ("apart from"): it is folded into one concept first. */
    private void classify(List<String> words, Set<String> into) {
        for (String w : words) {
            List<String> stems = rawStems(w);
            if (stems.size() == 1) {
                into.add(fold(stems).get(0));
            } else if (!stems.isEmpty()) {
                String concept = String.join("_", stems);
                addVariant(stems, concept);
                into.add(concept);
            }
        }
    }

    /** Stems of the words, without typo correction or folding: how the lexicon itself is read. */
    private List<String> rawStems(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORDS.matcher(Contractions.expand(text.toLowerCase(Locale.ROOT)));
        while (m.find()) {
            String w = m.group();
            if (Character.isLetterOrDigit(w.charAt(0))) out.add(stems(w));
        }
        return out;
    }

    /** Stems of words already seen (people type the same few hundred). */
    private final Cache<String, String> stemmed = Caffeine.newBuilder().maximumSize(65_536).executor(Runnable::run).build();
    /** While the lexicon is learnt (word by word, often twice), a plain map: a bounded cache's upkeep cost more. */
    private Map<String, String> building = new HashMap<>();

    private String stems(String word) {
        if (word.length() > 40) return stem(word);
        return building != null ? building.computeIfAbsent(word, Analyzer::stem) : stemmed.get(word, Analyzer::stem);
    }

    static String stem(String word) {
        if (isNumber(word)) return word;
        EnglishStemmer s = STEMMER.get();
        s.setCurrent(word);
        s.stem();
        return s.getCurrent();
    }

    static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) if (!Character.isDigit(w.charAt(i))) return false;
        return true;
    }

    /** Text to tokens: the full pipeline. */
    List<Token> tokens(String text) { return tokens(text, Budget.perRequest()); }

    /** Text to tokens, typo correction paid from {@code budget}: once it is spent, unknown words stay as typed. */
    List<Token> tokens(String text, Budget budget) {
        String s = Notation.rewrite(Fields.rewrite(Readouts.rewrite(Commands.rewrite(EchoQuestions.rewrite(Contractions.expand(
                ErrorNames.of(Notation.withoutHeaders(text)).toLowerCase(Locale.ROOT)))))), this::conceptOfWord);
        List<String> stems = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        // a text says the same few words again and again: each distinct word is stemmed (and corrected) once
        Map<String, Word> seen = new HashMap<>();
        java.util.function.Function<String, Word> read = k -> word(k, budget);
        // what WORDS finds, without a regex: runs of [a-z0-9], and each of . ; : ! ? , alone (but a comma inside
        // parentheses, which lists an aside: "the module lists (lighting, blinds, the lot) fail" is one clause)
        for (int i = 0, n = s.length(), open = 0; i < n; ) {
            char c = s.charAt(i);
            if (!isWordChar(c)) {
                open = c == '(' && !Breaks.evidence(s, i) ? open + 1 : c == ')' ? Math.max(0, open - 1) : open;
                // "dial tcp 10.0.3.7:2379: connect: connection refused": the error is what befell the part before
                if (c == ':' && Breaks.chained(s, i) || c == ',' && open > 0 || c == '.' && Breaks.abbreviated(s, i)) { i++; continue; }
                if (c == ',' || ".;:!?".indexOf(c) >= 0) {
                    stems.add(String.valueOf(c));
                    words.add(null);
                } else if (!stems.isEmpty() && words.get(words.size() - 1) != null) {
                    // a line break or a dash parts clauses too (none right after another break)
                    String b = Breaks.at(s, i);
                    if (b != null) {
                        stems.add(b);
                        words.add(null);
                    }
                }
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && isWordChar(s.charAt(j))) j++;
            String w = s.substring(i, j);
            i = j;
            Word known = seen.computeIfAbsent(w, read);
            stems.add(known.stem());
            words.add(known);
        }
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < stems.size(); ) {
            String st = stems.get(i);
            Word word = words.get(i);
            if (word == null) {
                Token.Kind kind = st.equals(",") || st.equals(":") ? Token.Kind.WEAK_BREAK : Token.Kind.STRONG_BREAK;
                out.add(new Token(kind, st, st, false, false, false, false, false));
                i++;
                continue;
            }
            Variant best = null;
            for (Variant v : word.variants()) {
                if (matchesAt(stems, i, v.stems())) { best = v; break; }
            }
            int len = best == null ? 1 : best.stems().size();
            if (best == null) {
                String exact = exactConcepts.get(word.surface());
                out.add(exact == null ? word.alone() : token(word.surface(), exact));
            } else {
                StringBuilder surface = new StringBuilder(word.surface());
                for (int k = i + 1; k < i + len; k++) surface.append(' ').append(words.get(k).surface());
                out.add(token(surface.toString(), best.concept()));
            }
            i += len;
        }
        return out;
    }

    private static boolean isWordChar(char c) { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'; }

    /** A distinct word of one text: as corrected, its stem, the variants it may open, its token when alone. */
    private record Word(String surface, String stem, List<Variant> variants, Token alone) {}

    private Word word(String w, Budget budget) {
        String st = stems(w);
        if (!knownStems.contains(st) && !knownSurfaces.contains(w) && !EnglishWords.contains(w)) {
            String fixed = budget.spent() ? null : speller.correct(w, st, budget);
            if (fixed != null && !(negations.contains(stem(fixed)) && Speller.distance(w, fixed, 1) > 1)) {  // "somthing" is no "nothing"
                w = fixed;
                st = stem(fixed);
            }
        }
        return new Word(w, st, variants.getOrDefault(st, List.of()), token(w, st));
    }

    private static boolean matchesAt(List<String> stems, int at, List<String> want) {
        if (at + want.size() > stems.size()) return false;
        for (int j = 0; j < want.size(); j++) if (!stems.get(at + j).equals(want.get(j))) return false;
        return true;
    }

    private Token token(String surface, String concept) {
        Token.Kind kind = Token.Kind.WORD;
        if (strongBreaks.contains(concept)) kind = Token.Kind.STRONG_BREAK;
        else if (weakBreaks.contains(concept)) kind = Token.Kind.WEAK_BREAK;
        else if (exceptions.contains(concept) && !surface.startsWith("exception")) kind = Token.Kind.EXCEPT;  // "exceptions" stems to "except"
        return new Token(kind, surface, concept,
                negations.contains(concept) || exactNegations.contains(surface),
                failure.contains(concept) || exactFailure.contains(surface),
                healthy.contains(concept) || exactHealthy.contains(surface),
                stopwords.contains(concept), bare.contains(concept));
    }

    /** The concept one word stands for on its own ("stripe" is extapi), or null: how host names' labels are read. */
    private String conceptOfWord(String word) {
        for (Variant v : variants.getOrDefault(stems(word), List.of())) if (v.stems().size() == 1) return v.concept();
        return null;
    }

    /** Phrase words are read like text but never corrected: what an author writes is meant. */
    List<String> conceptsOf(String phraseText) {
        return fold(rawStems(phraseText));
    }

    private List<String> fold(List<String> stems) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < stems.size(); ) {
            Variant best = null;
            for (Variant v : variants.getOrDefault(stems.get(i), List.of())) {
                if (matchesAt(stems, i, v.stems())) { best = v; break; }
            }
            out.add(best == null ? stems.get(i) : best.concept());
            i += best == null ? 1 : best.stems().size();
        }
        return out;
    }

    boolean isStopword(String concept) { return stopwords.contains(concept); }
    boolean isNegation(String concept) { return negations.contains(concept); }
    boolean isFailure(String concept) { return failure.contains(concept); }
    boolean isHealthy(String concept) { return healthy.contains(concept); }
}
