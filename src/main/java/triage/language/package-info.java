/**
 * Chat text to observations (the model's {@code Observation}): negation and its scope, typos, word
 * forms, synonyms, several observations a sentence, and short replies ("yes", "nope, still broken")
 * to the question a conversation asked last.
 */
package triage.language;
