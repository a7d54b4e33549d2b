/**
 * What the chat platform adapters share: the bounded background worker and per-conversation
 * ordering ({@link triage.chat.ChatService}), de-duplication of deliveries ({@link triage.chat.Deduplicator}),
 * bounded raw bodies, and the wiring from the environment ({@link triage.chat.ChatAdapters}).
 */
package triage.chat;
