/** Multi-turn diagnosis: what a conversation remembers, where it is kept (memory, Redis), and one turn's reply. */
package triage.conversation;
