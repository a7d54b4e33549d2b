/**
 * Alerts in: Alertmanager's webhook read into observations ({@code knowledge/alerts.yaml} and the
 * language layer), diagnosed with the live checks, and posted once per alert group as the start of
 * a chat thread that later notifications of the group update ({@link triage.alerts.AlertThreads}).
 */
package triage.alerts;
