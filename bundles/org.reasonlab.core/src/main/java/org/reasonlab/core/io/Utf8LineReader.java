package org.reasonlab.core.io;

import java.io.Reader;

/**
 * A reusable {@link Reader} over the bytes of one line that are already known to be valid UTF-8
 * (see {@link Utf8#firstInvalidByte}); it decodes straight into the caller's buffer, so a line's
 * text is never materialised as a String.
 */
final class Utf8LineReader extends Reader {
    private byte[] bytes;
    private int position;
    private int end;
    private char pendingLowSurrogate;

    void reset(byte[] lineBytes, int start, int lineEnd) {
        this.bytes = lineBytes;
        this.position = start;
        this.end = lineEnd;
        this.pendingLowSurrogate = 0;
    }

    @Override
    public int read(char[] out, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int o = offset;
        int outEnd = offset + length;
        if (pendingLowSurrogate != 0) {
            out[o++] = pendingLowSurrogate;
            pendingLowSurrogate = 0;
        }
        int p = position;
        byte[] in = bytes;
        int inEnd = end;
        while (o < outEnd && p < inEnd) {
            int b = in[p];
            if (b >= 0) {
                out[o++] = (char) b;
                p++;
                continue;
            }
            b &= 0xFF;
            if (b < 0xE0) {
                out[o++] = (char) (((b & 0x1F) << 6) | (in[p + 1] & 0x3F));
                p += 2;
            } else if (b < 0xF0) {
                out[o++] = (char) (((b & 0x0F) << 12) | ((in[p + 1] & 0x3F) << 6) | (in[p + 2] & 0x3F));
                p += 3;
            } else {
                int codePoint = ((b & 0x07) << 18) | ((in[p + 1] & 0x3F) << 12) | ((in[p + 2] & 0x3F) << 6)
                        | (in[p + 3] & 0x3F);
                p += 4;
                out[o++] = Character.highSurrogate(codePoint);
                if (o < outEnd) {
                    out[o++] = Character.lowSurrogate(codePoint);
                } else {
                    pendingLowSurrogate = Character.lowSurrogate(codePoint);
                }
            }
        }
        position = p;
        int n = o - offset;
        return n == 0 ? -1 : n;
    }

    @Override
    public void close() {
        // nothing to release; the reader is reused for the next line
    }
}
