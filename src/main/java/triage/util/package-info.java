/** Small helpers any package may use (hashing, gRPC call deadlines); they import nothing of Triage. */
package triage.util;
