/** Small helpers any package may use (hashing, gRPC call deadlines, cache set-up, configured URLs); they import nothing of Triage. */
package triage.util;
