/** Runbook rollout through etcd: publish a linted set as one revision; every instance follows it. */
package triage.rollout;
