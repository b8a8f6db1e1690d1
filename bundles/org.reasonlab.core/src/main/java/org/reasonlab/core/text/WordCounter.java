package org.reasonlab.core.text;

/**
 * Counts words: maximal runs of non-whitespace characters that contain at least one letter or
 * digit, so {@code don't} and {@code well-known} are one word each and a lone dash is none.
 */
public final class WordCounter {

    private WordCounter() {
    }

    /** The number of words in the text; 0 for null. */
    public static int words(String text) {
        if (text == null) {
            return 0;
        }
        int count = 0;
        boolean inToken = false;
        boolean tokenHasWord = false;
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (TextHygiene.isWhitespace(c)) {
                if (inToken && tokenHasWord) {
                    count++;
                }
                inToken = false;
                tokenHasWord = false;
            } else {
                inToken = true;
                if (Character.isLetterOrDigit(c)) {
                    tokenHasWord = true;
                }
            }
        }
        if (inToken && tokenHasWord) {
            count++;
        }
        return count;
    }
}
