/**
 * Formats answers for a channel: the API's JSON bodies (field by field for the diagnosis and a
 * conversation turn; view records for the rest), plain text for the terminal, markdown for chat.
 */
package triage.render;
