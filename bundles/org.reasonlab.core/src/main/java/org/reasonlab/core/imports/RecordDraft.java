package org.reasonlab.core.imports;

/**
 * A record as typed into a form, before it becomes a {@link org.reasonlab.core.model.DatasetRecord}:
 * plain text, each field possibly empty.
 *
 * @param statement the statement
 * @param label a label name or alias of the dataset's schema
 * @param reason the reason for the label
 * @param split {@code train}, {@code validation} ({@code dev}, {@code val}) or {@code test}
 */
public record RecordDraft(String statement, String label, String reason, String split) {
    public RecordDraft {
        statement = statement == null ? "" : statement;
        label = label == null ? "" : label;
        reason = reason == null ? "" : reason;
        split = split == null ? "" : split;
    }

    /** Whether nothing was typed at all; such a row is skipped. */
    public boolean isBlank() {
        return statement.isBlank() && label.isBlank() && reason.isBlank() && split.isBlank();
    }
}
