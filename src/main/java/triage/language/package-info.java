/** Chat text to observations: negation and its scope, typos, word forms, synonyms, several observations a sentence. */
package triage.language;
