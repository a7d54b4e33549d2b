/** Running Triage: metrics (Micrometer, Prometheus format) and the debug-log toggle. */
package triage.ops;
