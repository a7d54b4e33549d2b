/** The Redis connection what Triage keeps in Redis shares (conversations, chat delivery de-duplication, alert groups): deadlines, no queueing. */
package triage.redis;
