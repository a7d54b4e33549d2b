/** Compiles the runbooks (Drools rules plus knowledge) and diagnoses: fire, rank, explain, choose the next check. */
package triage.engine;
