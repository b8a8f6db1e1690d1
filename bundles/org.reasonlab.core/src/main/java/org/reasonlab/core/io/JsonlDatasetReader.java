package org.reasonlab.core.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;

/** Reads JSON Lines, one record per line; blank lines are skipped, bad lines kept as {@link RawLine}s. */
final class JsonlDatasetReader {
    private JsonlDatasetReader() {
    }

    static FileLayout read(LineSplitter lines, Path name, LabelSchema schema, DatasetSink sink) throws IOException {
        JsonlRecordParser parser = new JsonlRecordParser(new LabelResolver(schema));
        LineEndings endings = new LineEndings();
        while (lines.next()) {
            endings.observe(lines);
            if (lines.isBlank()) {
                continue;
            }
            int lineNumber = lines.lineNumber();
            endings.entry(lines.lineEnd());
            try {
                DatasetRecord record = parser.parse(lines.buffer(), lines.start(), lines.end());
                record.setSourceLine(lineNumber);
                record.setLineEnd(lines.lineEnd());
                List<LineProblem> problems = parser.recordProblems();
                for (LineProblem p : problems) {
                    sink.problem(new ParseProblem(name, lineNumber, p.column(), p.getMessage()));
                }
                sink.record(record);
            } catch (LineProblem p) {
                String message = p.getMessage();
                if (!lines.terminated() && message.startsWith("invalid JSON")) {
                    message += " (the last line has no line break: truncated file?)";
                }
                ParseProblem problem = new ParseProblem(name, lineNumber, p.column(), message);
                sink.rawLine(new RawLine(lines.copyLine(), lineNumber, message, lines.lineEnd()), problem);
            }
        }
        return new FileLayout(DatasetFormat.JSONL, lines.byteOrderMark(), endings.separator(), List.of(),
                endings.finalNewline());
    }
}
