/** Reads {@code knowledge/}: components, symptoms, runbooks, the lexicon and scenarios (Jackson YAML). */
package triage.knowledge;
