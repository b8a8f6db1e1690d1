package org.reasonlab.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
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
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
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
        boolean firstLooksLikeAMark = !entries.isEmpty() && entries.get(0) instanceof RawLine raw
                && Arrays.equals(raw.bytes(), 0, Math.min(raw.length(), 3), BYTE_ORDER_MARK, 0, 3);
        writeStart(out, layout, firstLooksLikeAMark);
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

    /**
     * Starts the file with its byte order mark, if the layout has one. Without one, a first line that
     * starts with the bytes of a mark would lose them to it when read again; such a line came after
     * blank lines, which are not kept, so one blank line goes before it.
     */
    static void writeStart(Utf8Output out, FileLayout layout, boolean firstLineStartsWithAMark) throws IOException {
        if (layout.byteOrderMark()) {
            out.writeBytes(BYTE_ORDER_MARK);
        } else if (firstLineStartsWithAMark) {
            out.write(layout.lineSeparator());
        }
    }

    /** The line break after an entry: its own from the file when writing the file's format, else the layout's. */
    static String lineEnd(DatasetEntry entry, FileLayout layout, boolean ownLineEnds) {
        return ownLineEnds && entry.lineEnd() != null ? entry.lineEnd() : layout.lineSeparator();
    }
}
