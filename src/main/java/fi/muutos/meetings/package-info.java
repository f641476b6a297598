/**
 * Decisions that arrive by themselves from the city's meeting system (ADR 0054, docs/meetings.md):
 * an adapter per system ({@link fi.muutos.meetings.MeetingSource}; Dynasty's public information
 * service first) is polled, each new or changed meeting item is matched to its case and becomes the
 * {@code fi.muutos.decision.made} event the processes already take, through the event inbox; what
 * cannot be matched or read with certainty goes to the registry as a task.
 */
package fi.muutos.meetings;
