/** Small helpers any package may use (hashing, gRPC call deadlines, cache set-up); they import nothing of Triage. */
package triage.util;
