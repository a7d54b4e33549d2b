/**
 * Triage: finds the failing component of a backend outage from what people see. {@code Main} is
 * the command line; the packages, lowest layer first (an arrow points only down this list, see
 * {@code ArchitectureTest}):
 * {@code util}, {@code model}, {@code redis} and {@code web} (what anything may use);
 * {@code knowledge} (reads {@code knowledge/}), {@code language} (text to observations),
 * {@code engine} ({@code Triage.answer}, the one way in, and the rulebook behind it);
 * {@code conversation} (multi-turn memory), {@code probe} (live checks), {@code rollout}
 * (runbooks through etcd), {@code simulate} (a simulated on-call engineer), {@code render}
 * (answers laid out for a channel);
 * {@code alerts} (Alertmanager in), {@code ops} (metrics, logging), {@code http} (the API),
 * {@code chat} (Slack and Teams);
 * {@code app} (the composition root) and {@code cli} (the commands).
 */
package triage;
