package org.reasonlab.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Splits a byte stream into lines through one large reusable buffer, without decoding. A line ends
 * at a line feed together with the carriage returns right before it ({@code "\n"}, {@code "\r\n"},
 * or {@code "\r\r\n"} as some Windows programs write), so that no carriage return of a line break
 * is taken for text. In CSV, a file whose first line break is carriage returns alone (classic Mac OS,
 * Excel's "CSV (Macintosh)") has such line breaks throughout, and its lines end at a line feed or at a
 * run of carriage returns; elsewhere a carriage return before other text is text, and JSON Lines end at
 * line feeds only. A UTF-8 byte order mark at the very start is skipped and remembered. After
 * {@link #next()} returns true, the current line is {@code buffer()[start() .. end())}, without its
 * line break, which {@link #lineEnd()} holds exactly; it stays valid until the next call.
 * <p>
 * A line of {@link #MAX_LINE_BYTES} or more is not read: the buffer could not hold it (arrays end
 * at 2 GiB), and such a line is almost surely not a dataset record (a binary file, or a file whose
 * lines are not separated by line feeds).
 */
final class LineSplitter {
    static final int MAX_LINE_BYTES = 64 << 20;
    private static final int INITIAL_BUFFER = 1 << 20;

    private final InputStream in;
    private final Path name;
    private final int maxLineBytes;
    private CarriageReturns carriageReturns;
    private byte[] buffer;
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean byteOrderMark;
    private boolean started;

    private int lineStart;
    private int lineEnd;
    private int lineNumber;
    private String lineBreak;

    /** Whether a carriage return that no line feed follows ends a line. */
    private enum CarriageReturns { UNDECIDED, END_LINES, TEXT }

    /**
     * @param name the file, named in the error about a line that is too long; may be null
     * @param csv whether lines may end with carriage returns alone, as in CSV files
     */
    LineSplitter(InputStream in, Path name, boolean csv) {
        this(in, name, csv, MAX_LINE_BYTES);
    }

    LineSplitter(InputStream in, Path name, boolean csv, int maxLineBytes) {
        this.in = in;
        this.name = name;
        this.carriageReturns = csv ? CarriageReturns.UNDECIDED : CarriageReturns.TEXT;
        this.maxLineBytes = maxLineBytes;
        this.buffer = new byte[Math.min(INITIAL_BUFFER, maxLineBytes)];
    }

    /** Advances to the next line; false at the end of the input. */
    boolean next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        int scanFrom = position;
        while (true) {
            int i = indexOfLineBreak(scanFrom);
            if (i < limit && buffer[i] == '\n') {
                int breakStart = i;
                while (breakStart > position && buffer[breakStart - 1] == '\r') {
                    breakStart--;
                }
                decide(CarriageReturns.TEXT);
                setLine(breakStart, i + 1);
                return true;
            }
            if (i < limit) {
                int runEnd = i;
                while (runEnd < limit && buffer[runEnd] == '\r') {
                    runEnd++;
                }
                if (runEnd < limit || endOfInput) {
                    boolean lineFeed = runEnd < limit && buffer[runEnd] == '\n';
                    decide(lineFeed ? CarriageReturns.TEXT : CarriageReturns.END_LINES);
                    setLine(i, lineFeed ? runEnd + 1 : runEnd);
                    return true;
                }
                scanFrom = i; // the run may go on past what has been read
            } else if (endOfInput) {
                if (position == limit) {
                    return false;
                }
                setLine(limit, limit);
                return true;
            } else {
                scanFrom = limit;
            }
            scanFrom -= position;
            fill();
            scanFrom += position;
        }
    }

    /** The index of the first line feed, or carriage return that may end a line, from {@code from}; limit if none. */
    private int indexOfLineBreak(int from) {
        byte[] bytes = buffer;
        if (carriageReturns == CarriageReturns.TEXT) {
            for (int i = from; i < limit; i++) {
                if (bytes[i] == '\n') {
                    return i;
                }
            }
        } else {
            for (int i = from; i < limit; i++) {
                if (bytes[i] == '\n' || bytes[i] == '\r') {
                    return i;
                }
            }
        }
        return limit;
    }

    /** The file's first line break decides whether carriage returns alone end its lines. */
    private void decide(CarriageReturns firstBreak) {
        if (carriageReturns == CarriageReturns.UNDECIDED) {
            carriageReturns = firstBreak;
        }
    }

    /** The current line is {@code [position, breakStart)}, its line break {@code [breakStart, breakEnd)}. */
    private void setLine(int breakStart, int breakEnd) {
        lineNumber++;
        lineStart = position;
        lineEnd = breakStart;
        lineBreak = breakStart == breakEnd ? null : lineBreak(buffer, breakStart, breakEnd);
        position = breakEnd;
    }

    /** The line break's text, shared for the usual ones: millions of records keep theirs. */
    private static String lineBreak(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length == 1) {
            return bytes[from] == '\n' ? "\n" : "\r";
        }
        if (length == 2 && bytes[from] == '\r' && bytes[from + 1] == '\n') {
            return "\r\n";
        }
        return new String(bytes, from, length, StandardCharsets.US_ASCII);
    }

    /** Moves the unread bytes to the front (growing the buffer for a very long line) and reads more. */
    private void fill() throws IOException {
        int remaining = limit - position;
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, remaining);
        } else if (remaining == buffer.length) {
            if (remaining >= maxLineBytes) {
                throw tooLong(lineNumber + 1, "the line", "is this a dataset file?");
            }
            buffer = Arrays.copyOf(buffer, (int) Math.min(2L * buffer.length, maxLineBytes));
        }
        position = 0;
        limit = remaining;
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            endOfInput = true;
        } else {
            limit += n;
        }
    }

    private void skipByteOrderMark() throws IOException {
        while (limit < 3 && !endOfInput) {
            fill();
        }
        if (limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
            byteOrderMark = true;
            position = 3;
        }
    }

    /** The error for a line, or a CSV row of several lines, that reaches the limit. */
    DatasetFormatException tooLong(int line, String what, String hint) {
        String limit = maxLineBytes % (1 << 20) == 0 ? (maxLineBytes >> 20) + " MiB" : maxLineBytes + " bytes";
        return new DatasetFormatException(name, line, 1,
                what + " is longer than " + limit + ", the most one record may take; " + hint);
    }

    int maxLineBytes() {
        return maxLineBytes;
    }

    byte[] buffer() {
        return buffer;
    }

    int start() {
        return lineStart;
    }

    int end() {
        return lineEnd;
    }

    int length() {
        return lineEnd - lineStart;
    }

    /** 1-based number of the current line. */
    int lineNumber() {
        return lineNumber;
    }

    /** Whether the current line ended with a line break (false only for a last line without one). */
    boolean terminated() {
        return lineBreak != null;
    }

    /** The current line's line break exactly as in the input, e.g. {@code "\r\n"}; null for a last line without one. */
    String lineEnd() {
        return lineBreak;
    }

    /** Whether the input began with a UTF-8 byte order mark; known after the first {@link #next()}. */
    boolean byteOrderMark() {
        return byteOrderMark;
    }

    /** The current line's bytes, copied. */
    byte[] copyLine() {
        return Arrays.copyOfRange(buffer, lineStart, lineEnd);
    }

    boolean isBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
