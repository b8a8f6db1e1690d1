package org.reasonlab.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Assembles physical lines into RFC 4180 rows (a quoted field may contain line breaks, kept as
 * they are in the file) and splits each row into cells.
 */
final class CsvRowReader {
    private final LineSplitter lines;
    private final LineEndings endings;
    private byte[] row = new byte[4096];
    private int length;
    private int[] lineStarts = new int[4];

    CsvRowReader(LineSplitter lines, LineEndings endings) {
        this.lines = lines;
        this.endings = endings;
    }

    /** The next row, or null at the end of the input. */
    CsvRow next() throws IOException {
        if (!lines.next()) {
            return null;
        }
        length = 0;
        int lineCount = 0;
        int firstLine = lines.lineNumber();
        CsvQuoteState state = new CsvQuoteState();
        String lineEnd;
        while (true) {
            endings.observe(lines);
            if (lineCount == lineStarts.length) {
                lineStarts = Arrays.copyOf(lineStarts, lineCount * 2);
            }
            lineStarts[lineCount++] = length;
            if (length + lines.length() >= lines.maxLineBytes()) {
                throw lines.tooLong(firstLine, "the row starting here", "is a quoted field never closed?");
            }
            append(lines.buffer(), lines.start(), lines.end());
            state.scan(lines.buffer(), lines.start(), lines.end());
            lineEnd = lines.lineEnd();
            if (!state.inQuotes() || lineEnd == null || !lines.next()) {
                break;
            }
            // The line break is part of the quoted field; the one ending the row is the row's line end.
            byte[] inField = lineEnd.getBytes(StandardCharsets.US_ASCII);
            append(inField, 0, inField.length);
        }
        CsvRow result = new CsvRow(row, length, firstLine, lineStarts, lineCount, lineEnd);
        tokenize(result);
        return result;
    }

    private void append(byte[] bytes, int from, int to) {
        int n = to - from;
        if (length + n > row.length) {
            row = Arrays.copyOf(row, Math.max(row.length * 2, length + n));
        }
        System.arraycopy(bytes, from, row, length, n);
        length += n;
    }

    private static void tokenize(CsvRow row) {
        byte[] b = row.bytes;
        int n = row.length;
        int i = 0;
        while (true) {
            if (i < n && b[i] == '"') {
                int contentStart = i + 1;
                int j = contentStart;
                while (true) {
                    if (j >= n) {
                        row.problem = new LineProblem("unterminated quoted field starting at line "
                                + (row.firstLine + row.lineOffsetOf(i)), row.lineOffsetOf(i), row.columnOf(i));
                        return;
                    }
                    if (b[j] == '"') {
                        if (j + 1 < n && b[j + 1] == '"') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                row.cells.add(new CsvRow.Cell(contentStart, j, true, i));
                i = j + 1;
                if (i < n && b[i] != ',') {
                    row.problem = row.problemAt(i, "unexpected text after the closing quote of a field");
                    return;
                }
            } else {
                int j = i;
                while (j < n && b[j] != ',') {
                    if (b[j] == '\r') {
                        // a line break's carriage returns are not in the row; this one would be re-quoted on save
                        row.problem = row.problemAt(j, "carriage return (CR) outside quotes; a line break in a field "
                                + "must be quoted");
                        return;
                    }
                    j++;
                }
                row.cells.add(new CsvRow.Cell(i, j, false, i));
                i = j;
            }
            if (i >= n) {
                return;
            }
            i++; // the comma
        }
    }
}
