/**
 * Slack: the Events API, the /triage slash command and the Yes / No buttons over HTTP, verified by
 * Slack's v0 signature, or the same events over a Socket Mode connection; replies and alert threads
 * through one Web API client (paced, retried), laid out as Block Kit.
 */
package triage.chat.slack;
