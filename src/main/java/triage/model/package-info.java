/**
 * Facts the rules reason over and the values a diagnosis is made of; no behaviour beyond validation.
 * {@code Observation} is the one observation type from the language layer to the renderer.
 */
package triage.model;
