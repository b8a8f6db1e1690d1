package org.reasonlab.core.traces;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.reasonlab.core.imports.CsvPreview;
import org.reasonlab.core.io.DatasetFormatException;
import org.reasonlab.core.io.ParseProblem;

/**
 * Reads a CSV traces file with a header row naming an {@code id} and a {@code trace} (or {@code reason}) column, in
 * any order and letter case; other columns are ignored. The rows are split exactly as the dataset import's CSV reader
 * splits them ({@link CsvPreview}: RFC 4180 quoting, a quoted field may span lines, blank rows skipped).
 */
final class CsvTraceReader {
    private CsvTraceReader() {
    }

    static TraceFile read(Path file) throws IOException {
        CsvPreview csv = CsvPreview.read(file, Integer.MAX_VALUE);
        int idColumn = column(csv.header(), List.of(TraceFields.ID));
        int traceColumn = column(csv.header(), TraceFields.TRACE);
        if (idColumn < 0 || traceColumn < 0) {
            throw new DatasetFormatException(file, csv.headerLine(), 1, "no " + (idColumn < 0 ? "id" : "trace")
                    + " column; a traces file needs columns named id and trace (or reason), found " + csv.header());
        }
        List<Trace> traces = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        for (CsvPreview.Row row : csv.rows()) {
            String problem = row.problem();
            if (problem == null && row.cells().get(idColumn).isEmpty()) {
                problem = "the id is empty; it names the dataset record the trace belongs to";
            }
            if (problem == null && row.cells().get(traceColumn).isBlank()) {
                problem = "the trace is empty";
            }
            if (problem != null) {
                problems.add(new ParseProblem(file, row.line(), 1, problem));
            } else {
                traces.add(new Trace(row.cells().get(idColumn), row.cells().get(traceColumn), row.line()));
            }
        }
        return new TraceFile(file, traces, problems);
    }

    /** The first column named like one of {@code names}, trying the names in order; -1 when there is none. */
    private static int column(List<String> header, List<String> names) {
        for (String name : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).trim().toLowerCase(Locale.ROOT).equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
