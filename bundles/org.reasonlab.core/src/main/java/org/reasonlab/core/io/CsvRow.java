package org.reasonlab.core.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One CSV row: its exact bytes (a quoted field may span several physical lines) and the byte
 * ranges of its cells. Cells are decoded on demand, so a problem can name the cell's position.
 */
final class CsvRow {
    final byte[] bytes;
    final int length;
    final int firstLine;
    /** Offsets in {@link #bytes} where each physical line of the row starts. */
    final int[] lineStarts;
    final int lineCount;
    /** The line break that ended the row, exactly; null for a last row without one. */
    final String lineEnd;
    final List<Cell> cells = new ArrayList<>();
    /** Set when the row cannot be tokenized (unterminated quote, text after a closing quote). */
    LineProblem problem;

    /** A cell's content bytes ({@code quoted} ones may contain {@code ""} escapes) and where it starts. */
    record Cell(int start, int end, boolean quoted, int position) {
    }

    CsvRow(byte[] bytes, int length, int firstLine, int[] lineStarts, int lineCount, String lineEnd) {
        this.bytes = bytes;
        this.length = length;
        this.firstLine = firstLine;
        this.lineStarts = lineStarts;
        this.lineCount = lineCount;
        this.lineEnd = lineEnd;
    }

    byte[] copyBytes() {
        return Arrays.copyOf(bytes, length);
    }

    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Which physical line of the row (0-based) holds the byte at {@code offset}. */
    int lineOffsetOf(int offset) {
        int line = 0;
        while (line + 1 < lineCount && lineStarts[line + 1] <= offset) {
            line++;
        }
        return line;
    }

    /** The 1-based character column of the byte at {@code offset} in its physical line. */
    int columnOf(int offset) {
        return Utf8.charCount(bytes, lineStarts[lineOffsetOf(offset)], offset) + 1;
    }

    LineProblem problemAt(int offset, String message) {
        return new LineProblem(message, lineOffsetOf(offset), columnOf(offset));
    }

    /** The cell's text, with {@code ""} unescaped; a LineProblem if it is not valid UTF-8. */
    String text(Cell cell) throws LineProblem {
        int bad = Utf8.firstInvalidByte(bytes, cell.start(), cell.end());
        if (bad >= 0) {
            int line = lineOffsetOf(bad);
            throw Utf8.invalid(bytes, lineStarts[line], bad, line);
        }
        if (!cell.quoted()) {
            return new String(bytes, cell.start(), cell.end() - cell.start(), StandardCharsets.UTF_8);
        }
        byte[] unescaped = new byte[cell.end() - cell.start()];
        int n = 0;
        for (int i = cell.start(); i < cell.end(); i++) {
            unescaped[n++] = bytes[i];
            if (bytes[i] == '"') {
                i++;
            }
        }
        return new String(unescaped, 0, n, StandardCharsets.UTF_8);
    }
}
