package org.reasonlab.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ROUGE-L as Google's {@code rouge-score} computes it by default (no stemming): the longest common
 * subsequence of the lower-cased word tokens, precision = LCS / candidate tokens, recall = LCS /
 * reference tokens, F-measure with beta = 1; 0 when either text has no tokens.
 * <p>
 * Tokens are runs of letters and digits, so punctuation separates and disappears ({@code don't} is
 * {@code don}, {@code t}). For English this is rouge-score's tokenizer; unlike it, letters outside
 * ASCII are kept rather than dropped.
 */
public final class RougeL {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    private RougeL() {
    }

    public static double f1(String candidate, String reference) {
        return score(candidate, reference).f1();
    }

    public static PrecisionRecallF1 score(String candidate, String reference) {
        List<String> c = tokens(candidate);
        List<String> r = tokens(reference);
        if (c.isEmpty() || r.isEmpty()) {
            return PrecisionRecallF1.ZERO;
        }
        return PrecisionRecallF1.of(lcs(c, r), c.size(), r.size());
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** Length of the longest common subsequence, in two rows of the usual table. */
    static int lcs(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }
}
