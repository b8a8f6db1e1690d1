package org.reasonlab.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines on {@code '\n'} through one large reusable buffer, without
 * decoding. A UTF-8 byte order mark at the very start is skipped and remembered. After
 * {@link #next()} returns true, the current line is {@code buffer()[start() .. end())}, without its
 * terminator ({@code "\n"} or {@code "\r\n"}); it stays valid until the next call.
 */
final class LineSplitter {
    private static final int INITIAL_BUFFER = 1 << 20;

    private final InputStream in;
    private byte[] buffer = new byte[INITIAL_BUFFER];
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

    LineSplitter(InputStream in) {
        this.in = in;
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
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
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
