/** Slack: Events API, the /triage slash command and Yes / No buttons, verified by Slack's v0 signature. */
package triage.chat.slack;
