package org.reasonlab.core.imports;

import org.reasonlab.core.model.DatasetFormat;

/** The formats a dataset can be imported from. */
public enum ImportFormat {
    /** JSON Lines, one record object per line. */
    JSONL("JSON Lines", DatasetFormat.JSONL),
    /** DFAR's {@code Statement,Label,Reason} CSV with 0 = ethical and 1 = unethical; rows get their number as id. */
    DFAR_CSV("DFAR CSV", DatasetFormat.DFAR_CSV),
    /** Any CSV with a header row, its columns mapped to record fields by a {@link ColumnMapping}. */
    CSV("CSV with column mapping", DatasetFormat.CSV);

    private final String displayName;
    private final DatasetFormat datasetFormat;

    ImportFormat(String displayName, DatasetFormat datasetFormat) {
        this.displayName = displayName;
        this.datasetFormat = datasetFormat;
    }

    public String displayName() {
        return displayName;
    }

    /** The format an import that keeps the source's format writes. */
    public DatasetFormat datasetFormat() {
        return datasetFormat;
    }
}
