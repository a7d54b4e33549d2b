/** Formats a diagnosis for a channel: JSON for the API, plain text for the terminal, markdown for chat. */
package triage.render;
