/**
 * The one way in and what is behind it: {@link triage.engine.Triage#answer} takes a
 * {@link triage.engine.Said} from any channel and gives an {@link triage.engine.Answer}; live checks
 * enter through the {@link triage.engine.LiveChecks} port; {@link triage.engine.RulebookCompiler}
 * turns the runbooks (Drools rules plus knowledge) into an immutable {@link triage.engine.Rulebook}
 * or a list of problems, and runs a candidate's scenarios where its {@link triage.engine.ScenarioCheck}
 * says (a child JVM, {@link triage.engine.ScenarioChild}, for what serves or is published);
 * {@link triage.engine.LiveRulebook} serves one and swaps in the next;
 * the {@link triage.engine.Diagnoser} fires, ranks, explains and chooses the next check.
 */
package triage.engine;
