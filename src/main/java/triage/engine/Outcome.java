package triage.engine;

import triage.model.Cause;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.Observation;
import triage.model.Remedy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the rules made of some observations, apart from the words they were said in: what a
 * diagnosis memo keeps. Immutable.
 */
record Outcome(List<Cause> causes, List<Cause> ruledOut, List<Check> checks, List<Observation> inferred,
               List<Diagnosis.Firing> firings, Remedy remedy) {
    /**
     * What an outcome follows from (see {@link Diagnoser#remembered}). Its hash is worked out once,
     * while the key is built: a memo lookup asks for it, and a hit then compares the lists.
     */
    static final class Key {
        private final List<Object> observations;
        private final List<String> hints;
        private final Set<String> scope;
        private final Set<String> setAside;
        private final int hash;

        private Key(List<Object> observations, List<String> hints, Set<String> scope, Set<String> setAside) {
            this.observations = observations;
            this.hints = hints;
            this.scope = scope;
            this.setAside = setAside;
            this.hash = ((observations.hashCode() * 31 + hints.hashCode()) * 31 + scope.hashCode()) * 31 + setAside.hashCode();
        }

        static Key of(List<Observation> observations, Set<String> hints, Set<String> scope, Set<String> setAside,
                      boolean withText) {
            Object[] k = new Object[observations.size() * (withText ? 4 : 3)];
            int i = 0;
            for (Observation o : observations) {
                k[i++] = o.getSymptom();
                k[i++] = o.isPresent();
                k[i++] = o.getSource();
                if (withText) k[i++] = o.getText();
            }
            return new Key(java.util.Arrays.asList(k), List.copyOf(hints), Set.copyOf(scope), Set.copyOf(setAside));
        }

        @Override public int hashCode() { return hash; }

        @Override public boolean equals(Object o) {
            return o == this || o instanceof Key k && k.hash == hash && k.observations.equals(observations)
                    && k.hints.equals(hints) && k.scope.equals(scope) && k.setAside.equals(setAside);
        }
    }

    Outcome {
        causes = frozen(causes);
        ruledOut = frozen(ruledOut);
        checks = List.copyOf(checks);
        inferred = List.copyOf(inferred);
        firings = firings.stream().map(f -> new Diagnosis.Firing(f.rule(), f.runbook(), List.copyOf(f.on()), f.concluded()))
                .toList();
    }

    private static List<Cause> frozen(List<Cause> causes) {
        return List.copyOf(causes.stream().map(c -> new Cause(c.component(), c.name(), c.title(), c.confidence(),
                List.copyOf(c.because()), List.copyOf(c.against()), c.runbook(), c.rule(), List.copyOf(c.rules()),
                c.role(), c.nextStep())).toList());
    }

    /** The diagnosis of {@code observations} (as said, words and all) that this outcome was made of. */
    Diagnosis diagnosis(List<Observation> observations, List<String> unrecognized) {
        List<Observation> understood = new ArrayList<>(observations);
        understood.addAll(inferred);
        // the outcome's own (immutable) lists: a body writer may know them by identity (JsonView)
        return new Diagnosis(causes, ruledOut, checks, understood, List.copyOf(unrecognized), firings, remedy);
    }
}
