package org.reasonlab.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A dataset file in memory: its entries in file order (records and unparseable lines kept
 * verbatim), its label schema and the layout to write it back in.
 */
public final class Dataset {
    private final List<DatasetEntry> entries;
    private LabelSchema schema;
    private FileLayout layout;

    public Dataset(LabelSchema schema, FileLayout layout, List<DatasetEntry> entries) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.entries = new ArrayList<>(entries);
    }

    public static Dataset empty(LabelSchema schema, DatasetFormat format) {
        return new Dataset(schema, FileLayout.defaultFor(format), List.of());
    }

    /** All entries in file order; the list is live and may be edited. */
    public List<DatasetEntry> entries() {
        return entries;
    }

    /** The parsed records in file order. */
    public List<DatasetRecord> records() {
        return recordStream().toList();
    }

    public Stream<DatasetRecord> recordStream() {
        return entries.stream().filter(DatasetRecord.class::isInstance).map(DatasetRecord.class::cast);
    }

    /** The lines that could not be parsed and are kept verbatim. */
    public List<RawLine> rawLines() {
        return entries.stream().filter(RawLine.class::isInstance).map(RawLine.class::cast).toList();
    }

    public int recordCount() {
        int n = 0;
        for (DatasetEntry e : entries) {
            if (e instanceof DatasetRecord) {
                n++;
            }
        }
        return n;
    }

    public LabelSchema schema() {
        return schema;
    }

    public void setSchema(LabelSchema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    public FileLayout layout() {
        return layout;
    }

    public void setLayout(FileLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
    }
}
