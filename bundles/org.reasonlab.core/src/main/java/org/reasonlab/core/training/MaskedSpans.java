package org.reasonlab.core.training;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where words occur in a text as whole words, case-insensitively (the rule {@link
 * org.reasonlab.core.counterfactual.Substitution} substitutes by): the character spans the mask-based mitigation
 * takes out of the loss.
 */
public final class MaskedSpans {
    private MaskedSpans() {
    }

    /** A span of characters, {@code [start, end)}. */
    public record Span(int start, int end) {
        public boolean overlaps(int from, int to) {
            return from < end && start < to;
        }
    }

    public static List<Span> of(String text, Collection<String> words) {
        List<Span> spans = new ArrayList<>();
        if (text == null || words.isEmpty()) {
            return spans;
        }
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alternatives = new StringBuilder();
        for (String w : sorted) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(w));
        }
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + alternatives + ")(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        while (m.find()) {
            spans.add(new Span(m.start(), m.end()));
        }
        return spans;
    }
}
