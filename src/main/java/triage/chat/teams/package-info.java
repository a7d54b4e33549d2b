/** Microsoft Teams outgoing webhook: HMAC-verified activities answered synchronously in markdown. */
package triage.chat.teams;
