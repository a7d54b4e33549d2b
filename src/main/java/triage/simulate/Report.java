package triage.simulate;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the simulated engineer found: per fault and order, and totals per order.
 *
 * @param outcomes per order, every conversation of every run
 * @param truthful the engine order with truthful answers: what {@link #passed()} counts
 */
public record Report(Simulator.Options options, List<Profile> profiles, Map<Simulation.Order, List<Outcome>> outcomes,
                     List<Outcome> truthful) {
    public Report {
        profiles = List.copyOf(profiles);
        outcomes = Map.copyOf(outcomes);
        truthful = List.copyOf(truthful);
    }

    /**
     * One order's totals; counts are means over runs.
     *
     * @param rightAndConcluded faults that ended settled on the true component
     * @param right faults whose leading cause at the end was the true component, settled or not
     * @param meanQuestions questions answered per conversation
     * @param brier mean (stated confidence - right)^2 over conversations
     * @param ece expected calibration error over conversations (10 bins)
     * @param unread answers the bot did not read as meant, in all runs
     */
    public record Totals(Simulation.Order order, int faults, int runs, double rightAndConcluded, double right,
                         double meanQuestions, double brier, double ece, int wrongAnswers, int unread) {}

    public Totals totals(Simulation.Order order) {
        return totals(order, outcomes.getOrDefault(order, List.of()));
    }

    private Totals totals(Simulation.Order order, List<Outcome> all) {
        int runs = Math.max(1, (int) all.stream().map(Outcome::run).distinct().count());
        List<Calibration.Point> points = all.stream().map(x -> new Calibration.Point(x.confidence(), x.right())).toList();
        return new Totals(order, profiles.size(), runs,
                (double) all.stream().filter(Outcome::rightAndConcluded).count() / runs,
                (double) all.stream().filter(Outcome::right).count() / runs,
                all.stream().mapToInt(Outcome::questions).average().orElse(Double.NaN),
                Calibration.brier(points), Calibration.ece(points),
                all.stream().mapToInt(Outcome::wrongAnswers).sum(), all.stream().mapToInt(Outcome::unread).sum());
    }

    /** Faults right and concluded in the engine order with truthful answers. */
    public int passed() { return (int) truthful.stream().filter(Outcome::rightAndConcluded).count(); }

    public int failed() { return profiles.size() - passed(); }

    /** Mean questions of the engine order over those of the fixed order; NaN unless both were played. */
    public double questionRatio() {
        if (!outcomes.containsKey(Simulation.Order.ENGINE) || !outcomes.containsKey(Simulation.Order.FIXED)) return Double.NaN;
        return totals(Simulation.Order.ENGINE).meanQuestions() / totals(Simulation.Order.FIXED).meanQuestions();
    }

    /** The table per fault, the totals and the passed/failed line; with {@code verbose}, every transcript. */
    public void print(PrintWriter out, boolean verbose) {
        List<Simulation.Order> orders = options.orders();
        int runs = options.effectiveRuns();
        out.printf(Locale.ROOT, "simulated on-call engineer: %d faults, wrong answers %.2f, %s, max %d questions, orders: %s%n",
                profiles.size(), options.wrong(), runs == 1 ? "seed " + options.seed()
                        : runs + " runs (seeds " + options.seed() + ".." + (options.seed() + runs - 1) + ")",
                options.maxQuestions(), orders.stream().map(Simulation.Order::label).collect(Collectors.joining(", ")));
        int idw = Math.max(5, profiles.stream().mapToInt(p -> p.id().length()).max().orElse(5));
        int cw = Math.max(9, profiles.stream().mapToInt(p -> p.component().length()).max().orElse(9));
        int sw = Math.max(5, profiles.stream().mapToInt(p -> p.stack().length()).max().orElse(5));
        String head = String.format(Locale.ROOT, "%-" + idw + "s  %-" + cw + "s  %-" + sw + "s", "fault", "component", "stack");
        StringBuilder sub = new StringBuilder(" ".repeat(head.length()));
        StringBuilder cols = new StringBuilder(head);
        for (Simulation.Order o : orders) {
            String block = String.format(Locale.ROOT, " | %-" + cw + "s %5s %5s %5s %4s", "top", "conf", "right", "concl", "q");
            cols.append(block);
            sub.append(" | ").append(center(o.label() + " order", block.length() - 3));
        }
        out.println(sub.toString().stripTrailing());
        out.println(cols);
        Map<String, Map<Simulation.Order, List<Outcome>>> byFault = new LinkedHashMap<>();
        for (Profile p : profiles) byFault.put(p.id(), new LinkedHashMap<>());
        for (var e : outcomes.entrySet()) {
            for (Outcome x : e.getValue()) byFault.get(x.fault()).computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(x);
        }
        for (Profile p : profiles) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + idw + "s  %-" + cw + "s  %-" + sw + "s",
                    p.id(), p.component(), p.stack()));
            for (Simulation.Order o : orders) {
                List<Outcome> xs = byFault.get(p.id()).getOrDefault(o, List.of());
                row.append(String.format(Locale.ROOT, " | %-" + cw + "s %5.2f %5s %5s %4s", mostCommonTop(xs),
                        xs.stream().mapToDouble(Outcome::confidence).average().orElse(0),
                        share(xs, Outcome::right, runs), share(xs, Outcome::concluded, runs),
                        runs == 1 ? String.valueOf(xs.isEmpty() ? 0 : xs.get(0).questions())
                                : String.format(Locale.ROOT, "%.1f", xs.stream().mapToInt(Outcome::questions).average().orElse(0))));
            }
            out.println(row);
        }
        out.println();
        for (Simulation.Order o : orders) {
            Totals t = totals(o);
            out.printf(Locale.ROOT, "%-6s order: right and concluded %s/%d, right %s/%d, mean questions %.2f, Brier %.3f, ECE %.3f"
                            + "%s%s%n", o.label(), count(t.rightAndConcluded()), t.faults(), count(t.right()), t.faults(),
                    t.meanQuestions(), t.brier(), t.ece(),
                    options.wrong() > 0 ? " (counts are means over " + t.runs() + " runs; wrong answers given in all: " + t.wrongAnswers() + ")" : "",
                    t.unread() > 0 ? ", answers not read as meant: " + t.unread() : "");
        }
        if (!Double.isNaN(questionRatio())) out.printf(Locale.ROOT, "questions, engine / fixed order: %.2f%n", questionRatio());
        if (options.wrong() > 0) {
            Totals t = totals(Simulation.Order.ENGINE, truthful);
            out.printf(Locale.ROOT, "engine order, truthful answers: right and concluded %s/%d, mean questions %.2f%n",
                    count(t.rightAndConcluded()), t.faults(), t.meanQuestions());
        }
        out.println(passed() + " passed, " + failed() + " failed");
        if (verbose) {
            for (Simulation.Order o : orders) {
                for (Outcome x : outcomes.get(o)) {
                    out.printf(Locale.ROOT, "%n--- %s, %s order, run %d: %s%n", x.fault(), o.label(), x.run(), verdict(x));
                    for (Outcome.Line l : x.transcript()) out.println("  " + l.who() + ": " + l.text());
                }
            }
        }
        out.flush();
    }

    /** The report as JSON-ready maps: options, totals per order, the passed/failed count, every outcome. */
    public Map<String, Object> json(boolean transcripts) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> opt = new LinkedHashMap<>();
        opt.put("wrong", options.wrong());
        opt.put("seed", options.seed());
        opt.put("runs", options.effectiveRuns());
        opt.put("maxQuestions", options.maxQuestions());
        m.put("options", opt);
        m.put("faults", profiles.size());
        m.put("passed", passed());
        m.put("failed", failed());
        Map<String, Object> totals = new LinkedHashMap<>();
        Map<String, Object> per = new LinkedHashMap<>();
        for (Simulation.Order o : options.orders()) {
            Totals t = totals(o);
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("rightAndConcluded", t.rightAndConcluded());
            tm.put("right", t.right());
            tm.put("meanQuestions", t.meanQuestions());
            tm.put("brier", t.brier());
            tm.put("ece", t.ece());
            tm.put("wrongAnswers", t.wrongAnswers());
            tm.put("unread", t.unread());
            totals.put(o.label(), tm);
            per.put(o.label(), outcomes.get(o).stream().map(x -> outcome(x, transcripts)).toList());
        }
        m.put("totals", totals);
        if (!Double.isNaN(questionRatio())) m.put("questionRatio", questionRatio());
        m.put("outcomes", per);
        return m;
    }

    private static Map<String, Object> outcome(Outcome x, boolean transcripts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fault", x.fault());
        m.put("component", x.component());
        m.put("stack", x.stack());
        m.put("run", x.run());
        m.put("top", x.top());
        m.put("confidence", x.confidence());
        m.put("right", x.right());
        m.put("concluded", x.concluded());
        m.put("questions", x.questions());
        m.put("wrongAnswers", x.wrongAnswers());
        m.put("unread", x.unread());
        if (transcripts) {
            m.put("transcript", x.transcript().stream().map(l -> Map.of("who", l.who(), "text", l.text())).toList());
        }
        return m;
    }

    private static String verdict(Outcome x) {
        return (x.right() ? "right" : "wrong") + ", " + (x.concluded() ? "concluded" : "not concluded") + " on "
                + (x.top() == null ? "no cause" : x.top()) + String.format(Locale.ROOT, " %.2f", x.confidence())
                + " after " + x.questions() + " questions";
    }

    private static String mostCommonTop(List<Outcome> xs) {
        return xs.stream().collect(Collectors.groupingBy(x -> x.top() == null ? "-" : x.top(), LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().max(Comparator.comparingLong(Map.Entry::getValue)).map(Map.Entry::getKey).orElse("-");
    }

    private static String share(List<Outcome> xs, Function<Outcome, Boolean> f, int runs) {
        long n = xs.stream().filter(f::apply).count();
        return runs == 1 ? (n == 1 ? "yes" : "no") : n + "/" + runs;
    }

    private static String count(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String center(String s, int width) {
        int left = Math.max(0, (width - s.length()) / 2);
        return " ".repeat(left) + s + " ".repeat(Math.max(0, width - s.length() - left));
    }
}
