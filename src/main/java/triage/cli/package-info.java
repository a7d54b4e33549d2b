/**
 * The commands: serve, ask, lint, publish, simulate, each a {@code RunbooksCommand}
 * (where the runbooks live, {@code --help}, the command line's out and err). Each reads its
 * {@link triage.app.Config}, builds what it needs and reports; a usage error says so on stderr and
 * exits 2.
 */
package triage.cli;
