/**
 * The composition root: {@link triage.app.Config} (flags and environment, read once, the one
 * place the environment is read) and {@link triage.app.App} (builds every long-lived object of
 * {@code serve} and closes them in reverse order).
 */
package triage.app;
