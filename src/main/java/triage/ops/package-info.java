/** Running Triage: metrics (Micrometer, Prometheus format), logging set up in code, and the debug-log toggle. */
package triage.ops;
