package triage.model;

/** Where a conclusion came from: the rule's name, its runbook, the file and line it starts on, its seed section. */
public record RuleRef(String name, String runbook, String file, int line, String source) {}
