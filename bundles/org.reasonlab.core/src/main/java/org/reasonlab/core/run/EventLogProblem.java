package org.reasonlab.core.run;

/**
 * A line of {@code events.jsonl} that was skipped.
 *
 * @param line the 1-based line number
 * @param message why, e.g. {@code "cut off: the run ended while writing it"}
 */
public record EventLogProblem(int line, String message) {
}
