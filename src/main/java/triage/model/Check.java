package triage.model;

/** A question worth asking next: the symptom it settles, how to ask, how to check, and why it was chosen. */
public record Check(String id, String question, String how, double value) {}
