package org.reasonlab.core.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Buffered UTF-8 output that mixes text and verbatim bytes (raw lines) without a Writer's
 * separate buffer. Unpaired surrogates are written as U+FFFD.
 */
final class Utf8Output {
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int count;

    Utf8Output(OutputStream out) {
        this.out = out;
    }

    void write(String text) throws IOException {
        for (int i = 0, n = text.length(); i < n; i++) {
            i = writeChar(text, i);
        }
    }

    /** Writes the character at {@code i} (a surrogate pair as one code point); returns the index of its last char. */
    int writeChar(String text, int i) throws IOException {
        char c = text.charAt(i);
        if (c < 0x80) {
            writeByte(c);
            return i;
        }
        ensure(4);
        if (c < 0x800) {
            buffer[count++] = (byte) (0xC0 | (c >> 6));
            buffer[count++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, text.charAt(i + 1));
            buffer[count++] = (byte) (0xF0 | (cp >> 18));
            buffer[count++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            buffer[count++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            buffer[count++] = (byte) (0x80 | (cp & 0x3F));
            return i + 1;
        } else {
            char ch = Character.isSurrogate(c) ? '\uFFFD' : c;
            buffer[count++] = (byte) (0xE0 | (ch >> 12));
            buffer[count++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
            buffer[count++] = (byte) (0x80 | (ch & 0x3F));
        }
        return i;
    }

    void writeByte(int b) throws IOException {
        if (count == buffer.length) {
            flushBuffer();
        }
        buffer[count++] = (byte) b;
    }

    void writeBytes(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - count) {
            flushBuffer();
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, count, bytes.length);
        count += bytes.length;
    }

    private void ensure(int n) throws IOException {
        if (buffer.length - count < n) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, count);
        count = 0;
    }

    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }
}
