package org.reasonlab.core.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.reasonlab.core.model.Annotation;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.model.Split;

/**
 * Reads CSV with a header row (RFC 4180), including DFAR's {@code Statement,Label,Reason} layout,
 * whose rows get their 1-based row number as id.
 */
final class CsvDatasetReader {
    private static final Set<String> ANNOTATION_FIELDS = Set.of("annotator", "label", "reason", "time");

    private final Path name;
    private final LabelResolver labels;
    private final DatasetSink sink;

    private CsvDatasetReader(Path name, LabelSchema schema, DatasetSink sink) {
        this.name = name;
        this.labels = new LabelResolver(schema);
        this.sink = sink;
    }

    static FileLayout read(LineSplitter lines, Path name, LabelSchema schema, DatasetSink sink) throws IOException {
        return new CsvDatasetReader(name, schema, sink).read(lines);
    }

    private FileLayout read(LineSplitter lines) throws IOException {
        LineEndings endings = new LineEndings();
        CsvRowReader rows = new CsvRowReader(lines, endings);
        CsvRow header = rows.next();
        while (header != null && header.isBlank()) {
            header = rows.next();
        }
        if (header == null) {
            throw new DatasetFormatException(name, 1, 1, "empty file; a CSV dataset needs a header row");
        }
        endings.entry(header.lineEnd);
        List<String> columns = headerCells(header);
        boolean dfar = CsvColumnMapping.isDfarHeader(columns);
        CsvColumnMapping mapping = CsvColumnMapping.of(columns);
        if (!mapping.has(CsvColumnMapping.Field.STATEMENT)) {
            throw new DatasetFormatException(name, header.firstLine, 1,
                    "no statement column; expected one named statement, text or sentence, found " + columns);
        }
        checkColumnsKeptByName(header, mapping);
        int rowNumber = 0;
        CsvRow row;
        while ((row = rows.next()) != null) {
            if (row.isBlank()) {
                continue;
            }
            rowNumber++;
            endings.entry(row.lineEnd);
            try {
                DatasetRecord record = toRecord(row, mapping);
                if (dfar) {
                    record.setId(Integer.toString(rowNumber));
                }
                record.setSourceLine(row.firstLine);
                record.setLineEnd(row.lineEnd);
                sink.record(record);
            } catch (LineProblem p) {
                sink.rawLine(new RawLine(row.copyBytes(), row.firstLine, p.getMessage(), row.lineEnd), problem(row, p));
            }
        }
        DatasetFormat format = dfar ? DatasetFormat.DFAR_CSV : DatasetFormat.CSV;
        return new FileLayout(format, lines.byteOrderMark(), endings.separatorOr("\r\n"), columns,
                endings.finalNewline());
    }

    private List<String> headerCells(CsvRow header) throws DatasetFormatException {
        try {
            if (header.problem != null) {
                throw header.problem;
            }
            List<String> columns = new ArrayList<>(header.cells.size());
            for (CsvRow.Cell cell : header.cells) {
                columns.add(header.text(cell));
            }
            return columns;
        } catch (LineProblem p) {
            throw new DatasetFormatException(problem(header, p));
        }
    }

    /** Cells not read as a field of the record are kept under their column's name, so two columns may not share one. */
    private void checkColumnsKeptByName(CsvRow header, CsvColumnMapping mapping) throws DatasetFormatException {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < mapping.size(); i++) {
            boolean keptByName = switch (mapping.field(i)) {
                case EXTRA, ANNOTATIONS, METADATA -> true;
                default -> false;
            };
            if (keptByName && !names.add(mapping.name(i))) {
                throw new DatasetFormatException(problem(header, header.problemAt(header.cells.get(i).position(),
                        "column '" + mapping.name(i) + "' appears twice in the header; its cells are kept under the "
                                + "column's name, so those of one of the two would be lost: rename one")));
            }
        }
    }

    private ParseProblem problem(CsvRow row, LineProblem p) {
        return new ParseProblem(name, row.firstLine + p.lineOffset(), p.column(), p.getMessage());
    }

    private DatasetRecord toRecord(CsvRow row, CsvColumnMapping mapping) throws LineProblem {
        if (row.problem != null) {
            throw row.problem;
        }
        if (row.cells.size() != mapping.size()) {
            throw new LineProblem("expected " + mapping.size() + " columns, found " + row.cells.size(), 1);
        }
        DatasetRecord record = new DatasetRecord(null, null, null, null, null);
        List<LineProblem> recordProblems = null;
        JsonObject extra = null;
        for (int i = 0; i < mapping.size(); i++) {
            CsvRow.Cell cell = row.cells.get(i);
            String text = row.text(cell);
            if (text.isEmpty()) {
                continue;
            }
            switch (mapping.field(i)) {
                case ID -> record.setId(text);
                case STATEMENT -> record.setStatement(text);
                case REASON -> record.setReason(text);
                case LABEL -> {
                    String canonical = labels.resolve(text);
                    record.setLabel(canonical != null ? canonical : text);
                    if (canonical == null) {
                        recordProblems = add(recordProblems,
                                row.problemAt(cell.position(), labels.unknownLabelMessage(text)));
                    }
                }
                case SPLIT -> record.setSplit(Split.parse(text).orElseThrow(() -> row.problemAt(cell.position(),
                        "unknown split '" + text + "'; expected one of train, validation, test")));
                case ANNOTATIONS -> {
                    List<Annotation> annotations = parseAnnotations(text);
                    if (annotations != null) {
                        record.setAnnotations(annotations);
                    } else {
                        extra = putExtra(extra, mapping.name(i), text);
                    }
                }
                case METADATA -> {
                    JsonObject metadata = parseObject(text);
                    if (metadata != null) {
                        record.setMetadata(metadata);
                    } else {
                        extra = putExtra(extra, mapping.name(i), text);
                    }
                }
                case EXTRA -> extra = putExtra(extra, mapping.name(i), text);
            }
        }
        record.setExtra(extra);
        if (recordProblems != null) {
            for (LineProblem p : recordProblems) {
                sink.problem(problem(row, p));
            }
        }
        return record;
    }

    private static List<LineProblem> add(List<LineProblem> list, LineProblem p) {
        List<LineProblem> result = list == null ? new ArrayList<>(1) : list;
        result.add(p);
        return result;
    }

    private static JsonObject putExtra(JsonObject extra, String column, String text) {
        JsonObject result = extra == null ? new JsonObject() : extra;
        result.addProperty(column, text);
        return result;
    }

    /** The object in a metadata cell, or null if the text is not one that reads without loss (it is kept as text). */
    private static JsonObject parseObject(String text) {
        JsonElement element = LosslessJsonReader.parseOrNull(text);
        return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
    }

    /**
     * The annotations in a cell holding their JSON array, or null if the text is not such an array
     * or holds more than an annotation keeps (then it is kept as text); the fields and their types
     * are those JSON Lines accepts.
     */
    private List<Annotation> parseAnnotations(String text) {
        JsonElement element = LosslessJsonReader.parseOrNull(text);
        if (element == null || !element.isJsonArray()) {
            return null;
        }
        List<Annotation> result = new ArrayList<>();
        for (JsonElement e : element.getAsJsonArray()) {
            if (!e.isJsonObject() || !isAnnotation(e.getAsJsonObject())) {
                return null;
            }
            JsonObject o = e.getAsJsonObject();
            String label = string(o, "label");
            String resolved = label == null ? null : labels.resolve(label);
            result.add(new Annotation(string(o, "annotator"), resolved != null ? resolved : label, string(o, "reason"),
                    string(o, "time")));
        }
        return result;
    }

    private static boolean isAnnotation(JsonObject o) {
        for (Map.Entry<String, JsonElement> field : o.entrySet()) {
            String name = field.getKey();
            JsonElement value = field.getValue();
            boolean numberAllowed = name.equals("annotator") || name.equals("label");
            boolean text = value.isJsonNull() || value.isJsonPrimitive() && (value.getAsJsonPrimitive().isString()
                    || numberAllowed && value.getAsJsonPrimitive().isNumber());
            if (!ANNOTATION_FIELDS.contains(name) || !text) {
                return false;
            }
        }
        return string(o, "annotator") != null;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
