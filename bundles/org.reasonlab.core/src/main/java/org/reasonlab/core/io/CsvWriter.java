package org.reasonlab.core.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonElement;
import org.reasonlab.core.io.CsvColumnMapping.Field;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;

/**
 * Writes CSV (RFC 4180) in a layout's columns as originally spelled, adding columns only for
 * data no existing column holds. DFAR layout writes Statement, Label (as the label's first alias),
 * Reason and nothing else.
 */
final class CsvWriter {
    private static final List<String> BASE_COLUMNS = List.of("id", "statement", "label", "reason", "split");

    private final Utf8Output out;
    private final LabelSchema schema;
    private final boolean dfar;

    private CsvWriter(Utf8Output out, LabelSchema schema, boolean dfar) {
        this.out = out;
        this.schema = schema;
        this.dfar = dfar;
    }

    /** @param ownLineEnds whether entries end with their own line breaks (see {@link DatasetWriter#lineEnd}) */
    static void write(Dataset dataset, FileLayout layout, boolean ownLineEnds, Utf8Output out) throws IOException {
        boolean dfar = layout.format() == DatasetFormat.DFAR_CSV;
        CsvColumnMapping mapping = CsvColumnMapping.of(dfar ? dfarColumns(layout) : columnsFor(dataset, layout));
        new CsvWriter(out, dataset.schema(), dfar).write(dataset.entries(), mapping, layout, ownLineEnds);
    }

    /** The columns a generic CSV of this dataset needs: the layout's, plus any for data they cannot hold. */
    static List<String> columnsFor(Dataset dataset, FileLayout layout) {
        List<String> columns = new ArrayList<>(layout.columns().isEmpty() ? BASE_COLUMNS : layout.columns());
        Set<Field> mapped = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (String c : columns) {
            mapped.add(CsvColumnMapping.fieldNamed(c));
            names.add(c);
        }
        Set<String> needed = new LinkedHashSet<>();
        for (DatasetEntry entry : dataset.entries()) {
            if (!(entry instanceof DatasetRecord r)) {
                continue;
            }
            need(needed, mapped, Field.ID, r.id() != null, "id");
            need(needed, mapped, Field.LABEL, r.label() != null, "label");
            need(needed, mapped, Field.REASON, r.reason() != null, "reason");
            need(needed, mapped, Field.SPLIT, r.split() != null, "split");
            if (r.extra() != null) {
                for (String key : r.extra().keySet()) {
                    if (!names.contains(key)) {
                        needed.add(key);
                    }
                }
            }
            need(needed, mapped, Field.ANNOTATIONS, !r.annotations().isEmpty(), "annotations");
            need(needed, mapped, Field.METADATA, r.metadata() != null, "metadata");
        }
        columns.addAll(needed);
        return columns;
    }

    private static void need(Set<String> needed, Set<Field> mapped, Field field, boolean hasValue, String column) {
        if (hasValue && !mapped.contains(field)) {
            needed.add(column);
        }
    }

    private static List<String> dfarColumns(FileLayout layout) {
        return CsvColumnMapping.isDfarHeader(layout.columns()) ? layout.columns()
                : FileLayout.defaultFor(DatasetFormat.DFAR_CSV).columns();
    }

    private void write(List<DatasetEntry> entries, CsvColumnMapping mapping, FileLayout layout, boolean ownLineEnds)
            throws IOException {
        String separator = layout.lineSeparator();
        DatasetWriter.writeStart(out, layout, mapping.name(0).startsWith("\uFEFF"));
        for (int i = 0; i < mapping.size(); i++) {
            if (i > 0) {
                out.writeByte(',');
            }
            writeCell(mapping.name(i));
        }
        if (!entries.isEmpty() || layout.finalNewline()) {
            out.write(separator);
        }
        for (int n = 0; n < entries.size(); n++) {
            DatasetEntry entry = entries.get(n);
            if (entry instanceof RawLine raw) {
                out.writeBytes(raw.bytes());
            } else if (entry instanceof DatasetRecord r && mapping.size() == 1) {
                writeOnlyCell(cell(r, mapping, 0));
            } else if (entry instanceof DatasetRecord r) {
                for (int i = 0; i < mapping.size(); i++) {
                    if (i > 0) {
                        out.writeByte(',');
                    }
                    writeCell(cell(r, mapping, i));
                }
            }
            if (n < entries.size() - 1 || layout.finalNewline()) {
                out.write(DatasetWriter.lineEnd(entry, layout, ownLineEnds));
            }
        }
    }

    private String cell(DatasetRecord r, CsvColumnMapping mapping, int column) throws IOException {
        return switch (mapping.field(column)) {
            case ID -> r.id();
            case STATEMENT -> r.statement();
            case LABEL -> dfar ? dfarLabel(r) : r.label();
            case REASON -> r.reason();
            case SPLIT -> r.split() == null ? null : r.split().id();
            // A cell the reader could not take as annotations or metadata was kept as text under its column's name.
            case ANNOTATIONS -> r.annotations().isEmpty() ? extraText(r, mapping.name(column))
                    : JsonlWriter.annotationsText(r.annotations());
            case METADATA -> r.metadata() == null ? extraText(r, mapping.name(column)) : JsonText.toText(r.metadata());
            case EXTRA -> extraText(r, mapping.name(column));
        };
    }

    private static String extraText(DatasetRecord r, String column) {
        JsonElement value = r.extra() == null ? null : r.extra().get(column);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString()
                : JsonText.toText(value);
    }

    /**
     * The label's first alias. A label the schema does not know was reported when it was read and is
     * written as it was, so that the record survives; a label of the schema without an alias cannot
     * be written in this layout.
     */
    private String dfarLabel(DatasetRecord r) throws IOException {
        if (r.label() == null) {
            return null;
        }
        var label = schema.label(r.label());
        if (label.isEmpty()) {
            return r.label();
        }
        if (label.get().aliases().isEmpty()) {
            String which = r.id() != null ? "record " + r.id() : "the record";
            String line = r.sourceLine() > 0 ? " (line " + r.sourceLine() + ")" : "";
            throw new IOException(which + line + " has label '" + r.label() + "', which has no alias in the label "
                    + "schema; the DFAR CSV layout writes each label as its first alias, e.g. 0 or 1");
        }
        return label.get().aliases().get(0);
    }

    /** The cell of a one-column row, quoted if it is empty or spaces and tabs: the reader skips blank lines. */
    private void writeOnlyCell(String value) throws IOException {
        if (value == null || value.chars().allMatch(c -> c == ' ' || c == '\t')) {
            writeQuoted(value == null ? "" : value);
        } else {
            writeCell(value);
        }
    }

    private void writeCell(String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        writeQuoted(value);
    }

    private void writeQuoted(String value) throws IOException {
        out.writeByte('"');
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.writeByte('"');
            }
            i = out.writeChar(value, i);
        }
        out.writeByte('"');
    }

    /**
     * RFC 4180's rule: quote only fields with a comma, quote or line break. Leading and trailing
     * spaces are part of a field and are deliberately not quoted, which keeps DFAR's own files
     * byte-identical on save.
     */
    private static boolean needsQuotes(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
