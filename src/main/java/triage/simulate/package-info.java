/** A simulated on-call engineer: plays fault profiles through the conversation engine and scores the outcomes. */
package triage.simulate;
