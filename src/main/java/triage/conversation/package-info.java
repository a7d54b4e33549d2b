/**
 * Multi-turn diagnosis: what a conversation remembers (model observations, stored as JSON), where it
 * is kept (memory, Redis), each message handed to {@code Triage.answer} with that memory, one turn's
 * reply, and what the chat adapters may ask ({@code isOpen}, {@code knows}) instead of the store.
 */
package triage.conversation;
