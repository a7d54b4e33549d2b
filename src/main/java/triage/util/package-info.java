/**
 * Small helpers any package may use (hashing, gRPC call deadlines, cache set-up, configured URLs,
 * what a failed HTTP call says about whether anything was sent); they import nothing of Triage.
 */
package triage.util;
