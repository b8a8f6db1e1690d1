package org.reasonlab.core.traces;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reasonlab.core.io.DatasetReader;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.core.model.DatasetFormat;

/**
 * Reads a traces file, JSON Lines or CSV ({@code .jsonl}/{@code .json}/{@code .ndjson} or {@code .csv}; any other
 * name is JSON Lines when its first character is <code>{</code>). An id on two lines is a problem on the second,
 * naming the first: which of the two traces was meant cannot be told.
 */
public final class TraceFileReader {
    private TraceFileReader() {
    }

    /**
     * @throws IOException naming the file when it cannot be read, or (a {@link org.reasonlab.core.io.DatasetFormatException})
     *         when a CSV file has no header row with id and trace columns
     */
    public static TraceFile read(Path file) throws IOException {
        DatasetReader.checkReadable(file);
        TraceFile read = isJsonLines(file) ? JsonlTraceReader.read(file) : CsvTraceReader.read(file);
        return withoutDuplicates(read);
    }

    private static boolean isJsonLines(Path file) throws IOException {
        DatasetFormat byName = DatasetFormat.fromFileName(file).orElse(null);
        if (byName != null) {
            return byName == DatasetFormat.JSONL;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1024);
            for (byte b : head) {
                boolean skipped = b == ' ' || b == '\t' || b == '\r' || b == '\n' || (b & 0xFF) == 0xEF
                        || (b & 0xFF) == 0xBB || (b & 0xFF) == 0xBF;
                if (!skipped) {
                    return b == '{';
                }
            }
            return true;
        }
    }

    private static TraceFile withoutDuplicates(TraceFile read) {
        Map<String, Trace> first = new HashMap<>();
        List<Trace> traces = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>(read.problems());
        for (Trace trace : read.traces()) {
            Trace earlier = first.putIfAbsent(trace.id(), trace);
            if (earlier == null) {
                traces.add(trace);
            } else {
                problems.add(new ParseProblem(read.file(), trace.line(), 1, "duplicate id '" + trace.id()
                        + "': line " + earlier.line() + " has a trace for it too; each record takes one trace"));
            }
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new TraceFile(read.file(), traces, problems);
    }
}
