package org.reasonlab.core.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Checks and repairs for the text problems that crowd-written datasets commonly carry: mojibake
 * (UTF-8 bytes that were decoded as Windows-1252 or ISO-8859-1, such as {@code donâ€™t} for
 * {@code don’t}), non-breaking spaces and leading or trailing whitespace.
 * <p>
 * Mojibake is detected per byte sequence, not per string: each character is mapped back to the
 * byte Windows-1252 (or, for the characters it lacks, ISO-8859-1) gives it, and a run of such
 * bytes that forms one valid UTF-8 multi-byte sequence is taken as mojibake. Genuine accented
 * text ({@code café}, {@code naïve}, {@code São Paulo}, {@code Größe}) does not form such runs,
 * because an accented letter is followed by an ASCII letter or space, which is not a UTF-8
 * continuation byte. Two-character sequences whose lead is not {@code Â} or {@code Ã} and whose
 * second character is typographic punctuation (an accented capital before a closing quote, as in
 * {@code „CAFÉ“}) occur in real text: they count only in text that also holds certain mojibake.
 */
public final class TextHygiene {

    private static final int MAX_REPAIR_ROUNDS = 4;

    /** Byte for each char under Windows-1252 with ISO-8859-1 as fallback; -1 if neither maps it. */
    private static final short[] CP1252_HIGH = new short[0x2200];

    static {
        Arrays.fill(CP1252_HIGH, (short) -1);
        for (int c = 0x80; c <= 0xFF; c++) {
            CP1252_HIGH[c] = (short) c; // ISO-8859-1 fallback, including the C1 controls
        }
        Charset cp1252 = Charset.forName("windows-1252");
        for (int b = 0x80; b <= 0x9F; b++) {
            String s = new String(new byte[] {(byte) b}, cp1252);
            char c = s.charAt(0);
            if (s.length() == 1 && c != '\uFFFD' && c < CP1252_HIGH.length) {
                CP1252_HIGH[c] = (short) b;
            }
        }
    }

    /** Punctuation that genuinely follows an accented capital letter in real text. */
    private static final String TYPOGRAPHIC_PUNCTUATION = "‘’‚“”„…–—•‹›«»";

    private TextHygiene() {
    }

    /** Whether the text contains UTF-8 that was decoded as Windows-1252 or ISO-8859-1. */
    public static boolean hasMojibake(String text) {
        if (text == null || isAscii(text)) {
            return false;
        }
        return repairOnce(text, true, false) != null;
    }

    /**
     * Repairs mojibake: each sequence that re-encodes as Windows-1252 (ISO-8859-1 per character
     * where Windows-1252 has none) into valid UTF-8 is decoded as UTF-8; repeated while that
     * changes something, for text encoded twice or more. Everything else is left as it is.
     *
     * @return the repaired text, the same instance when nothing needed repair; null stays null
     */
    public static String fixMojibake(String text) {
        if (text == null || isAscii(text)) {
            return text;
        }
        String current = text;
        for (int round = 0; round < MAX_REPAIR_ROUNDS; round++) {
            if (repairOnce(current, true, false) == null) {
                break; // nothing certain; ambiguous sequences alone are left as they are
            }
            current = repairOnce(current, false, true);
        }
        return current;
    }

    /**
     * One repair round.
     *
     * @param detectOnly return as soon as a sequence is found
     * @param allowAmbiguous also repair sequences that real text can contain (see {@link #ambiguous})
     * @return the repaired text (or the input, when detecting), or null when nothing was found
     */
    private static String repairOnce(String text, boolean detectOnly, boolean allowAmbiguous) {
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int lead = byteOf(text.charAt(i));
            int length = sequenceLength(lead);
            if (length == 0 || i + length > n) {
                i++;
                continue;
            }
            byte[] bytes = new byte[length];
            bytes[0] = (byte) lead;
            boolean ok = true;
            for (int k = 1; k < length; k++) {
                int b = byteOf(text.charAt(i + k));
                if (b < 0x80 || b > 0xBF) {
                    ok = false;
                    break;
                }
                bytes[k] = (byte) b;
            }
            String decoded = ok ? decodeStrict(bytes) : null;
            if (decoded == null || (!allowAmbiguous && ambiguous(text, i, length))) {
                i++;
                continue;
            }
            if (detectOnly) {
                return text;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(text, copied, i).append(decoded);
            i += length;
            copied = i;
        }
        if (out == null) {
            return null;
        }
        return out.append(text, copied, n).toString();
    }

    /**
     * Whether a sequence could be real text: two characters, the first not {@code Â} or {@code Ã},
     * the second typographic punctuation ({@code „CAFÉ“}). Such a sequence is repaired only in text
     * that also holds certain mojibake ({@code Å“} for {@code œ} in {@code â€Å“}, encoded twice).
     */
    private static boolean ambiguous(String text, int start, int length) {
        if (length > 2) {
            return false;
        }
        char lead = text.charAt(start);
        if (lead == 'Â' || lead == 'Ã') {
            return false;
        }
        return TYPOGRAPHIC_PUNCTUATION.indexOf(text.charAt(start + 1)) >= 0;
    }

    private static int byteOf(char c) {
        if (c < 0x80) {
            return c;
        }
        return c < CP1252_HIGH.length ? CP1252_HIGH[c] : -1;
    }

    /** Length of the UTF-8 sequence a lead byte starts, or 0 if it is no multi-byte lead. */
    private static int sequenceLength(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            return 2;
        }
        if (b >= 0xE0 && b <= 0xEF) {
            return 3;
        }
        if (b >= 0xF0 && b <= 0xF4) {
            return 4;
        }
        return 0;
    }

    private static String decodeStrict(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether the character is a non-breaking space: U+00A0, U+202F (narrow) or U+2007 (figure). */
    public static boolean isNonBreakingSpace(int c) {
        return c == '\u00A0' || c == '\u202F' || c == '\u2007';
    }

    /** Whether the text contains a non-breaking space (U+00A0, U+202F or U+2007). */
    public static boolean hasNonBreakingSpace(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isNonBreakingSpace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The text with every non-breaking space replaced by a plain space; null stays null. */
    public static String replaceNonBreakingSpaces(String text) {
        if (!hasNonBreakingSpace(text)) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (isNonBreakingSpace(chars[i])) {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    /**
     * Whether a code point is whitespace in the Unicode sense: Java whitespace, space separators
     * (including non-breaking spaces), and the invisible U+200B zero-width space and U+FEFF byte
     * order mark.
     */
    public static boolean isWhitespace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /** Whether the text starts or ends with whitespace (Unicode, see {@link #isWhitespace(int)}). */
    public static boolean isUntrimmed(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        return isWhitespace(text.codePointAt(0)) || isWhitespace(text.codePointBefore(text.length()));
    }

    /** The text without leading and trailing Unicode whitespace; null stays null. */
    public static String trim(String text) {
        if (text == null) {
            return null;
        }
        int start = 0;
        int end = text.length();
        while (start < end && isWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** Whether the text is null, empty or only Unicode whitespace. */
    public static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            if (!isWhitespace(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
