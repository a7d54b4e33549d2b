/** The HTTP face: Javalin routes, request validation, the JSON error shape. Handlers parse, call one service, render. */
package triage.http;
