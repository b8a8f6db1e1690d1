package org.reasonlab.core.imports;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.reasonlab.core.io.DatasetFormatException;
import org.reasonlab.core.io.DatasetReader;
import org.reasonlab.core.io.DatasetSink;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;

/**
 * Loads any CSV file through a {@link ColumnMapping}. The rows are read by the core's CSV reader, so
 * quoting, line numbers and the handling of bad rows are exactly those of every other ReasonLab
 * dataset: a row that cannot be read (wrong number of cells, unterminated quote, invalid UTF-8,
 * unknown split) is kept verbatim as a {@link RawLine} and reported with its line, an unknown label
 * is reported and kept as written.
 * <p>
 * Kept columns become extra fields named by {@link ColumnMapping#keptNames()}, ignored columns are
 * left out. When no column is mapped to id, the records get their 1-based row number as id, as DFAR's
 * rows do. The loaded dataset has a CSV layout with {@link ColumnMapping#outputColumns()}.
 */
public final class MappedCsvReader {
    private static final String PLACEHOLDER = "_reasonlab_column_";

    private MappedCsvReader() {
    }

    /**
     * @throws DatasetFormatException naming the file and line when the header cannot be read or no
     *         longer matches the mapping's columns
     * @throws IllegalArgumentException when the mapping is not valid ({@link ColumnMapping#problems()})
     */
    public static LoadResult load(Path file, ColumnMapping mapping, LabelSchema schema) throws IOException {
        if (!mapping.isValid()) {
            throw new IllegalArgumentException(String.join("; ", mapping.problems()));
        }
        DatasetReader.checkReadable(file);
        CsvScanner.Row header;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CsvPreview.Header read = CsvPreview.readHeader(new CsvScanner(in), file);
            if (!read.columns().equals(mapping.columns())) {
                throw new DatasetFormatException(file, read.row().firstLine(), 1, "the header row is now "
                        + read.columns() + ", not " + mapping.columns() + " as when the columns were mapped");
            }
            header = read.row();
        }
        byte[] start = syntheticStart(file, header, mapping);
        Collector sink = new Collector(mapping);
        FileLayout layout;
        try (InputStream rest = Files.newInputStream(file)) {
            rest.skipNBytes(header.end());
            InputStream in = new SequenceInputStream(new ByteArrayInputStream(start), rest);
            layout = DatasetReader.read(in, file, DatasetFormat.CSV, schema, sink);
        }
        FileLayout csv = new FileLayout(DatasetFormat.CSV, layout.byteOrderMark(), layout.lineSeparator(),
                mapping.outputColumns(), layout.finalNewline());
        return new LoadResult(new Dataset(schema, csv, sink.entries), sink.problems);
    }

    /**
     * The file's bytes up to the end of its header row, with the header replaced by the mapping's
     * field names (and placeholders for the other columns) and padded with as many line breaks as the
     * original header spanned, so that every later line keeps its number.
     */
    private static byte[] syntheticStart(Path file, CsvScanner.Row header, ColumnMapping mapping) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(file)) {
            out.writeBytes(in.readNBytes((int) header.start()));
        }
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < mapping.size(); i++) {
            ColumnRole role = mapping.role(i);
            cells.add(role.isField() ? role.field() : PLACEHOLDER + i);
        }
        out.writeBytes(String.join(",", cells).getBytes(StandardCharsets.US_ASCII));
        byte[] separator = (header.terminated() ? header.lineEnd() : "\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 1; i < header.lineCount(); i++) {
            out.writeBytes(separator);
        }
        if (header.terminated()) {
            out.writeBytes(separator);
        }
        return out.toByteArray();
    }

    /** Collects entries in file order, renaming or dropping the placeholder columns and numbering rows without an id. */
    private static final class Collector implements DatasetSink {
        final List<DatasetEntry> entries = new ArrayList<>();
        final List<ParseProblem> problems = new ArrayList<>();
        private final ColumnMapping mapping;
        private final List<String> keptNames;
        private final boolean numberRows;
        private int row;

        Collector(ColumnMapping mapping) {
            this.mapping = mapping;
            this.keptNames = mapping.keptNames();
            this.numberRows = mapping.columnOf(ColumnRole.ID) < 0;
        }

        @Override
        public void record(DatasetRecord record) {
            row++;
            if (record.extra() != null) {
                record.setExtra(renamed(record.extra()));
            }
            if (numberRows) {
                record.setId(Integer.toString(row));
            }
            entries.add(record);
        }

        private JsonObject renamed(JsonObject extra) {
            JsonObject result = new JsonObject();
            for (Map.Entry<String, JsonElement> field : extra.entrySet()) {
                String key = field.getKey();
                if (!key.startsWith(PLACEHOLDER)) {
                    result.add(key, field.getValue());
                    continue;
                }
                int column = Integer.parseInt(key.substring(PLACEHOLDER.length()));
                if (mapping.role(column) == ColumnRole.KEEP) {
                    result.add(keptNames.get(column), field.getValue());
                }
            }
            return result.size() == 0 ? null : result;
        }

        @Override
        public void rawLine(RawLine line, ParseProblem problem) {
            row++;
            entries.add(line);
            problems.add(problem);
        }

        @Override
        public void problem(ParseProblem problem) {
            problems.add(problem);
        }
    }
}
