package triage.model;

import java.util.List;

/**
 * One suspect of a diagnosis.
 *
 * @param name the component's short name ("RethinkDB"), for sentences
 * @param because the observations, in words, that support it
 * @param against the observations that speak against it (for a ruled-out suspect, what ruled it out)
 * @param rules every rule that concluded something about it, strongest first
 */
public record Cause(String component, String name, String title, double confidence, List<String> because,
                    List<String> against, String runbook, String rule, List<RuleRef> rules,
                    String role, String nextStep) {}
