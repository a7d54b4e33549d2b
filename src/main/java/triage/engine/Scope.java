package triage.engine;

import org.kie.api.runtime.rule.AgendaFilter;

import java.util.Set;

/**
 * The part of a rulebook one conversation keeps to: the runbooks of its stacks (and the general
 * ones), the components their rules can blame, the symptoms their rules read, and the filter
 * that lets only their rules fire (null: every rule).
 */
record Scope(Set<String> runbooks, Set<String> components, Set<String> reads, AgendaFilter filter) {}
