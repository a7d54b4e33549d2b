/**
 * Chat text to observations (the model's {@code Observation}): negation and its scope, typos, word
 * forms, synonyms, several observations a sentence, and short replies ("yes", "nope, still broken")
 * to the question a conversation asked last. A leading yes/no answers that question only when the
 * rest of the message states no other symptom; "not sure", "no idea", "dunno", "skip" answer it
 * with nothing ({@code Interpreter#unsure}); a clause that reports what someone did ("I restarted
 * the pods") is left out of the reading.
 */
package triage.language;
