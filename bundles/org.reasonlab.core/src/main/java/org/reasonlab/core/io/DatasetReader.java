package org.reasonlab.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;

/**
 * Streams a dataset file to a {@link DatasetSink} in file order, in constant memory apart from
 * what the sink keeps. JSONL and CSV (DFAR's layout is recognised by its header) are read as
 * bytes, so unparseable lines can be kept exactly.
 */
public final class DatasetReader {
    private DatasetReader() {
    }

    /** Reads a file; the format comes from its extension, or from its first byte when the extension says nothing. */
    public static FileLayout read(Path file, LabelSchema schema, DatasetSink sink) throws IOException {
        checkReadable(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file, DatasetFormat.fromFileName(file).orElse(null), schema, sink);
        }
    }

    /**
     * Reads a stream, which is not closed.
     *
     * @param nameForMessages the name problems are reported under; may be null
     * @param formatHint JSONL, or CSV / DFAR_CSV (both read as CSV, DFAR told apart by the header);
     *        null to guess from the first byte ({@code {} means JSONL)
     */
    public static FileLayout read(InputStream in, Path nameForMessages, DatasetFormat formatHint, LabelSchema schema,
            DatasetSink sink) throws IOException {
        DatasetFormat format = formatHint;
        InputStream input = in;
        if (format == null) {
            input = in.markSupported() ? in : new BufferedInputStream(in, 4096);
            format = sniff(input);
        }
        LineSplitter lines = new LineSplitter(input, nameForMessages, format != DatasetFormat.JSONL);
        return format == DatasetFormat.JSONL ? JsonlDatasetReader.read(lines, nameForMessages, schema, sink)
                : CsvDatasetReader.read(lines, nameForMessages, schema, sink);
    }

    /**
     * Fails early, before a reader is made, with a message that names the file and says what is wrong: no such
     * file, a symbolic link loop, a folder, permission denied.
     */
    public static void checkReadable(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (FileSystemException e) {
            throw FileErrors.about(file, e);
        }
        if (attributes.isDirectory()) {
            throw new FileSystemException(file.toString(), null, "is a folder, not a dataset file");
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString(), null, "permission denied");
        }
    }

    private static DatasetFormat sniff(InputStream in) throws IOException {
        in.mark(1024);
        try {
            int b;
            int n = 0;
            while ((b = in.read()) >= 0 && n++ < 1024) {
                if (b == '{') {
                    return DatasetFormat.JSONL;
                }
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0xEF && b != 0xBB && b != 0xBF) {
                    return DatasetFormat.CSV;
                }
            }
            return DatasetFormat.JSONL;
        } finally {
            in.reset();
        }
    }
}
