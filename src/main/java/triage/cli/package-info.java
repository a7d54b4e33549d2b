/** The commands: serve, ask, lint. Each parses its options, builds what it needs and reports. */
package triage.cli;
