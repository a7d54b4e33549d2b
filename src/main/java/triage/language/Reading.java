package triage.language;

/** A symptom read from text: present or absent, and the text it was read from. */
public record Reading(String text, String symptom, boolean present) {}
