/** The Redis connection what Triage keeps in Redis shares (conversations, chat delivery de-duplication): deadlines, no queueing. */
package triage.redis;
