/**
 * What the chat platform adapters share: the bounded background worker and per-conversation
 * ordering ({@link triage.chat.ChatService}), the outgoing calls' pool and retry
 * ({@link triage.chat.Outbox}), de-duplication of deliveries ({@link triage.chat.Deduplicator}),
 * the parts every adapter is built from ({@link triage.chat.ChatParts}), and which adapters a
 * configuration switches on ({@link triage.chat.ChatAdapters}).
 */
package triage.chat;
