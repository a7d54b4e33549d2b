/** The commands: serve, ask, lint, publish. Each reads its {@link triage.app.Config}, builds what it needs and reports. */
package triage.cli;
