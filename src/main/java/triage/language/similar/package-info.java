/**
 * Recall for phrasings no lexicon anticipated: a clause the phrases left unread is compared, by
 * meaning, with the symptoms' {@code examples} (sentence embeddings from all-MiniLM-L6-v2,
 * quantized, run in process by ONNX Runtime; the model is inside the artifact, nothing is
 * downloaded). The example picks the symptom; whether it is present or absent comes from the
 * language layer's negation and polarity cues, never from the embedding.
 */
package triage.language.similar;
