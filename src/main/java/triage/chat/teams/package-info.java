/**
 * Microsoft Teams, two ways: a registered bot ({@code TeamsBot}: Bot Framework tokens checked,
 * answered in the background through the Bot Connector as Adaptive Cards with buttons) and an
 * outgoing webhook ({@code TeamsAdapter}: HMAC-verified activities answered synchronously in markdown).
 */
package triage.chat.teams;
