package org.reasonlab.core.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a dataset file was laid out, so that saving it writes the same shape back: format, byte
 * order mark, line separator, CSV columns in their original order and spelling, and whether the
 * last line ended with a line separator.
 */
public record FileLayout(DatasetFormat format, boolean byteOrderMark, String lineSeparator, List<String> columns,
        boolean finalNewline) {
    /** A line break as the readers find them: LF, CRLF, more carriage returns before the LF, or (CSV) CR alone. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\r*\\n|\\r+");

    public FileLayout {
        columns = List.copyOf(columns);
        if (!LINE_BREAK.matcher(lineSeparator).matches()) {
            throw new IllegalArgumentException("line separator must be carriage returns, a line feed, or both");
        }
    }

    /** A new file of the given format with the conventional layout: JSONL with LF, CSV per RFC 4180 with CRLF. */
    public static FileLayout defaultFor(DatasetFormat format) {
        return switch (format) {
            case JSONL -> new FileLayout(format, false, "\n", List.of(), true);
            case CSV -> new FileLayout(format, false, "\r\n", List.of(), true);
            case DFAR_CSV -> new FileLayout(format, false, "\r\n", List.of("Statement", "Label", "Reason"), true);
        };
    }

    public FileLayout withFormat(DatasetFormat newFormat) {
        if (newFormat == format) {
            return this;
        }
        return defaultFor(newFormat);
    }
}
