package triage.simulate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Plays every profile in every order asked for, {@code runs} times with wrong answers, and once truthfully. */
public final class Simulator {
    /**
     * @param wrong probability that a yes/no answer is turned around
     * @param seed the first run's seed; run r uses {@code seed + r}
     * @param runs runs to average over when {@code wrong > 0} (one run otherwise: truthful runs do not vary)
     * @param orders which question choosers to play
     */
    public record Options(double wrong, long seed, int runs, int maxQuestions, List<Simulation.Order> orders) {
        public Options {
            if (wrong < 0 || wrong > 1) throw new IllegalArgumentException("--wrong must be within [0, 1]");
            if (runs < 1) throw new IllegalArgumentException("--runs must be at least 1");
            if (maxQuestions < 0) throw new IllegalArgumentException("--max-questions must be at least 0");
            if (orders.isEmpty()) throw new IllegalArgumentException("at least one order");
            orders = List.copyOf(orders);
        }

        int effectiveRuns() { return wrong > 0 ? runs : 1; }
    }

    private final Simulation simulation;

    public Simulator(Bot bot, FixedOrder fixed, int maxQuestions) {
        this.simulation = new Simulation(bot, fixed, maxQuestions);
    }

    public Report run(List<Profile> profiles, Options o) {
        Map<Simulation.Order, List<Outcome>> outcomes = new EnumMap<>(Simulation.Order.class);
        for (Simulation.Order order : o.orders()) {
            List<Outcome> all = new ArrayList<>();
            for (int r = 0; r < o.effectiveRuns(); r++) {
                for (Profile p : profiles) all.add(simulation.play(new Engineer(p, o.wrong(), o.seed() + r), order, r));
            }
            outcomes.put(order, all);
        }
        List<Outcome> truthful = o.wrong() == 0 && outcomes.containsKey(Simulation.Order.ENGINE)
                ? outcomes.get(Simulation.Order.ENGINE)
                : profiles.stream().map(p -> simulation.play(new Engineer(p, 0, o.seed()), Simulation.Order.ENGINE, 0)).toList();
        return new Report(o, profiles, outcomes, truthful);
    }
}
