package org.reasonlab.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.RawLine;

/**
 * Writes a dataset in its layout; raw lines are written back verbatim in their positions, and in the
 * dataset's own format every entry read from the file ends with its own line break, so that mixed
 * line endings survive. The stream is flushed, not closed.
 */
public final class DatasetWriter {
    private DatasetWriter() {
    }

    public static void write(Dataset dataset, OutputStream out) throws IOException {
        write(dataset, dataset.layout(), out);
    }

    static void write(Dataset dataset, FileLayout layout, OutputStream stream) throws IOException {
        Utf8Output out = new Utf8Output(stream);
        boolean ownLineEnds = layout.format() == dataset.layout().format();
        if (layout.format() == DatasetFormat.JSONL) {
            writeJsonl(dataset.entries(), layout, ownLineEnds, out);
        } else {
            CsvWriter.write(dataset, layout, ownLineEnds, out);
        }
        out.flush();
    }

    private static void writeJsonl(List<DatasetEntry> entries, FileLayout layout, boolean ownLineEnds, Utf8Output out)
            throws IOException {
        if (layout.byteOrderMark()) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        for (int i = 0, n = entries.size(); i < n; i++) {
            DatasetEntry entry = entries.get(i);
            if (entry instanceof RawLine raw) {
                out.writeBytes(raw.bytes());
            } else {
                JsonlWriter.writeRecord(out, (DatasetRecord) entry);
            }
            if (i < n - 1 || layout.finalNewline()) {
                out.write(lineEnd(entry, layout, ownLineEnds));
            }
        }
    }

    /** The line break after an entry: its own from the file when writing the file's format, else the layout's. */
    static String lineEnd(DatasetEntry entry, FileLayout layout, boolean ownLineEnds) {
        return ownLineEnds && entry.lineEnd() != null ? entry.lineEnd() : layout.lineSeparator();
    }
}
