package org.reasonlab.core.io;

import java.nio.charset.StandardCharsets;

/** Strict UTF-8 validation (no overlongs, surrogates or code points above U+10FFFF) and decoding. */
final class Utf8 {
    private Utf8() {
    }

    /** The offset of the first byte that is not part of a valid UTF-8 sequence, or -1 if all are valid. */
    static int firstInvalidByte(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            // The ASCII run is the hot path for typical English text.
            while (i < to && bytes[i] >= 0) {
                i++;
            }
            if (i == to) {
                return -1;
            }
            int b = bytes[i] & 0xFF;
            int length;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                if (b == 0xE0) {
                    min2 = 0xA0;
                } else if (b == 0xED) {
                    max2 = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                if (b == 0xF0) {
                    min2 = 0x90;
                } else if (b == 0xF4) {
                    max2 = 0x8F;
                }
            } else {
                return i;
            }
            if (i + length > to) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min2 || second > max2) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }

    /** Number of characters (UTF-16 code units) that the valid UTF-8 bytes decode to. */
    static int charCount(byte[] bytes, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                count += b >= 0xF0 ? 2 : 1;
            }
        }
        return count;
    }

    /** Decodes valid UTF-8 or throws a {@link LineProblem} naming the bad byte, relative to {@code lineStart}. */
    static String decode(byte[] bytes, int from, int to, int lineStart, int lineOffset) throws LineProblem {
        int bad = firstInvalidByte(bytes, from, to);
        if (bad >= 0) {
            throw invalid(bytes, lineStart, bad, lineOffset);
        }
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    static LineProblem invalid(byte[] bytes, int lineStart, int badOffset, int lineOffset) {
        int column = charCount(bytes, lineStart, badOffset) + 1;
        return new LineProblem("invalid UTF-8 at byte " + (badOffset - lineStart + 1), lineOffset, column);
    }
}
