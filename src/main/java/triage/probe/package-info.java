/**
 * Live checks: read-only probes of Redis, etcd, TCP ports, HTTP health endpoints and DNS, each
 * with a deadline on every network call, run in parallel under one budget, and turned into
 * observations the rules weigh like anything a person says. {@code ProbeChecks} offers them to the
 * engine as its {@code LiveChecks} port.
 */
package triage.probe;
