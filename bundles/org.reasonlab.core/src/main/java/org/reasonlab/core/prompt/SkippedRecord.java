package org.reasonlab.core.prompt;

/**
 * A record that gave no training example.
 *
 * @param id the record's id, may be null
 * @param sourceLine the 1-based line in its file, 0 when unknown
 * @param reason why it was skipped
 */
public record SkippedRecord(String id, int sourceLine, SkipReason reason) {
}
