package org.reasonlab.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Splits a byte stream into lines on {@code '\n'} through one large reusable buffer, without
 * decoding. A UTF-8 byte order mark at the very start is skipped and remembered. After
 * {@link #next()} returns true, the current line is {@code buffer()[start() .. end())}, without its
 * terminator ({@code "\n"} or {@code "\r\n"}); it stays valid until the next call.
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
    private byte[] buffer;
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean byteOrderMark;
    private boolean started;

    private int lineStart;
    private int lineEnd;
    private int lineNumber;
    private boolean terminated;
    private boolean crlf;

    /** @param name the file, named in the error about a line that is too long; may be null */
    LineSplitter(InputStream in, Path name) {
        this(in, name, MAX_LINE_BYTES);
    }

    LineSplitter(InputStream in, Path name, int maxLineBytes) {
        this.in = in;
        this.name = name;
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
            int newline = indexOfNewline(buffer, scanFrom, limit);
            if (newline >= 0) {
                setLine(position, newline, true);
                position = newline + 1;
                return true;
            }
            if (endOfInput) {
                if (position == limit) {
                    return false;
                }
                setLine(position, limit, false);
                position = limit;
                return true;
            }
            scanFrom = limit - position;
            fill();
            scanFrom += position;
        }
    }

    private void setLine(int start, int newlineOrEnd, boolean isTerminated) {
        lineNumber++;
        lineStart = start;
        terminated = isTerminated;
        crlf = isTerminated && newlineOrEnd > start && buffer[newlineOrEnd - 1] == '\r';
        lineEnd = crlf ? newlineOrEnd - 1 : newlineOrEnd;
    }

    private static int indexOfNewline(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
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

    /** Whether the current line ended with a line terminator (false only for a last line without one). */
    boolean terminated() {
        return terminated;
    }

    /** Whether the current line ended with {@code "\r\n"}. */
    boolean crlf() {
        return crlf;
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
