package org.reasonlab.core.traces;

/**
 * One teacher trace from a traces file.
 *
 * @param id the id of the dataset record it explains, compared exactly
 * @param text the trace, not blank
 * @param line the 1-based line where it is in the traces file (for CSV, where its row starts)
 */
public record Trace(String id, String text, int line) {
}
