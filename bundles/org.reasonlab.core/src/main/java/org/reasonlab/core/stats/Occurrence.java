package org.reasonlab.core.stats;

/**
 * One record in a {@link DuplicateGroup}.
 *
 * @param recordId the record's id, or null
 * @param line the record's 1-based source line, or 0 when unknown
 * @param split the split id ({@code train}, {@code validation}, {@code test}) or {@code unassigned}
 * @param label the record's label, or null
 * @param statement the statement as written
 * @param file the file the record is in, for {@link CrossDatasetLeakage}; null within one dataset
 */
public record Occurrence(String recordId, int line, String split, String label, String statement, String file) {

    public Occurrence(String recordId, int line, String split, String label, String statement) {
        this(recordId, line, split, label, statement, null);
    }
}
