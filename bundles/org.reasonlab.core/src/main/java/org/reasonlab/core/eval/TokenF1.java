package org.reasonlab.core.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Bag-of-tokens F1 as the SQuAD evaluation script computes it: both texts are lower-cased,
 * punctuation is removed (so {@code don't} becomes {@code dont}), the articles a, an and the are
 * dropped and the rest is split at whitespace; F1 of the multiset overlap. When either text has no
 * tokens the score is 1 if both have none, else 0.
 */
public final class TokenF1 {
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]");
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b", Pattern.UNICODE_CHARACTER_CLASS);

    private TokenF1() {
    }

    public static double f1(String candidate, String reference) {
        return score(candidate, reference).f1();
    }

    public static PrecisionRecallF1 score(String candidate, String reference) {
        List<String> c = tokens(candidate);
        List<String> r = tokens(reference);
        if (c.isEmpty() || r.isEmpty()) {
            return c.isEmpty() && r.isEmpty() ? new PrecisionRecallF1(1, 1, 1) : PrecisionRecallF1.ZERO;
        }
        Map<String, Integer> remaining = new HashMap<>();
        r.forEach(t -> remaining.merge(t, 1, Integer::sum));
        int overlap = 0;
        for (String t : c) {
            Integer left = remaining.get(t);
            if (left != null && left > 0) {
                remaining.put(t, left - 1);
                overlap++;
            }
        }
        return PrecisionRecallF1.of(overlap, c.size(), r.size());
    }

    static List<String> tokens(String text) {
        if (text == null) {
            return List.of();
        }
        String s = PUNCTUATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
        s = ARTICLES.matcher(s).replaceAll(" ").strip();
        return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
    }
}
