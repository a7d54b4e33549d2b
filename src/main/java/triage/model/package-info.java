/** Facts the rules reason over and the values a diagnosis is made of; no behaviour beyond validation. */
package triage.model;
