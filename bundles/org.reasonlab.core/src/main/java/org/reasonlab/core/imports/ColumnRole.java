package org.reasonlab.core.imports;

/** What a CSV column becomes when the file is imported through a {@link ColumnMapping}. */
public enum ColumnRole {
    ID("id", "id"),
    STATEMENT("statement", "statement"),
    LABEL("label", "label"),
    REASON("reason", "reason"),
    SPLIT("split", "split"),
    /** Kept as an extra field of each record, named after the column. */
    KEEP(null, "keep as extra field"),
    /** Left out of the imported dataset. */
    IGNORE(null, "ignore");

    private final String field;
    private final String displayName;

    ColumnRole(String field, String displayName) {
        this.field = field;
        this.displayName = displayName;
    }

    /** The record field this role fills ({@code id}, {@code statement}, ...), or null for KEEP and IGNORE. */
    public String field() {
        return field;
    }

    /** Whether the role fills a record field, so that at most one column may have it. */
    public boolean isField() {
        return field != null;
    }

    /** How the role is shown to a person, e.g. in a combo box. */
    public String displayName() {
        return displayName;
    }
}
