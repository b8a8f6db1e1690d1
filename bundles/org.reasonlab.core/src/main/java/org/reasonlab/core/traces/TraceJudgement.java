package org.reasonlab.core.traces;

/**
 * What a trace says, read against its record's gold label.
 *
 * @param verdict the label the trace argues for, or null when it states no clear verdict
 * @param correctness whether that is the gold label
 * @param words the trace's length in words ({@link org.reasonlab.core.text.WordCounter}, as {@code stats} counts
 *        reason lengths)
 */
public record TraceJudgement(String verdict, Correctness correctness, int words) {
}
