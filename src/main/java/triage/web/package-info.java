/**
 * What every HTTP edge (the API and the chat platforms) shares: request bodies bounded while they
 * stream, and the one error type ({@link io.javalin.http.HttpResponseException}) they throw.
 */
package triage.web;
