package org.reasonlab.core.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normalised form of a statement used to find duplicates and split leakage: Unicode NFKC,
 * case-folded, typographic quotes and dashes unified with their ASCII forms, invisible characters
 * dropped, internal whitespace collapsed to one space, and punctuation and whitespace at both ends
 * removed. Statements that differ only in case, spacing, a final period or curly versus straight
 * quotes get the same key.
 */
public final class StatementKey {

    /** Punctuation removed at the ends of a statement (after quotes and dashes are unified). */
    private static final String END_PUNCTUATION = ".,;:!?'\"-()[]{}*¿¡";

    private StatementKey() {
    }

    /** The key of a statement; the empty string for null or blank text. */
    public static String of(String statement) {
        if (statement == null || statement.isEmpty()) {
            return "";
        }
        String text;
        if (isAscii(statement)) {
            text = statement.toLowerCase(Locale.ROOT); // NFKC and case folding change no ASCII beyond this
        } else {
            text = Normalizer.normalize(statement, Normalizer.Form.NFKC);
            // Upper then lower folds the special cases (ß -> ss, final sigma) as full case folding does.
            text = text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (TextHygiene.isWhitespace(c)) {
                if (c != '\u200B' && c != '\uFEFF') {
                    pendingSpace = true;
                }
                continue;
            }
            if (c == '\u00AD' || c == '\u200C' || c == '\u200D' || c == '\u2060') {
                continue; // soft hyphen and other invisible joiners
            }
            int unified = unify(c);
            if (pendingSpace && sb.length() > 0) {
                sb.append(' ');
            }
            pendingSpace = false;
            sb.appendCodePoint(unified);
        }
        int start = 0;
        int end = sb.length();
        while (start < end && isEndPunctuation(sb.charAt(start))) {
            start++;
        }
        while (end > start && isEndPunctuation(sb.charAt(end - 1))) {
            end--;
        }
        return sb.substring(start, end);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEndPunctuation(char c) {
        return c == ' ' || END_PUNCTUATION.indexOf(c) >= 0;
    }

    private static int unify(int c) {
        return switch (c) {
            case '‘', '’', '‚', '‛', '′', '`', '´', 'ʼ' -> '\'';
            case '“', '”', '„', '‟', '″', '«', '»' -> '"';
            case '‐', '‑', '‒', '–', '—', '―', '−' -> '-';
            default -> c;
        };
    }
}
