package org.reasonlab.core.counterfactual;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the counterfactual variants of texts with an {@link AttributeSet}: with two values (gender) every attribute
 * word is swapped for its counterpart; with more (nationality) the one value the texts name is replaced by each
 * other value. Matching is whole-word (no letter,
 * digit or underscore on either side) and case-insensitive; the replacement keeps the case pattern of the word it
 * replaces ({@code He} becomes {@code She}, {@code HE} {@code SHE}). A variant for a value is skipped, and said
 * why, when a word found stands in rows that disagree on its replacement ({@code her} towards {@code male}:
 * {@code him} or {@code his}). The texts of one record (statement and reason) are substituted together, so they stay
 * consistent. Immutable and thread-safe.
 */
public final class Substitution {
    private final AttributeSet set;
    /** lower-case word -> the (row, value) positions it stands at */
    private final Map<String, List<int[]>> positions = new LinkedHashMap<>();
    private final Pattern pattern;

    public Substitution(AttributeSet set) {
        this.set = set;
        for (int r = 0; r < set.terms().size(); r++) {
            for (int v = 0; v < set.values().size(); v++) {
                positions.computeIfAbsent(set.terms().get(r).get(v).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(new int[] {r, v});
            }
        }
        List<String> words = new ArrayList<>(positions.keySet());
        words.sort(Comparator.comparingInt(String::length).reversed()); // the longest phrase first: "Mr." before "Mr"
        StringBuilder alternatives = new StringBuilder();
        for (String w : words) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(w));
        }
        pattern = Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + alternatives + ")(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public AttributeSet set() {
        return set;
    }

    /** One word replaced: {@code from} as it stood in the text, {@code to} as written. */
    public record Replacement(String from, String to) {
        /** The substitution pair in lower case, e.g. {@code he→she}. */
        public String pair() {
            return from.toLowerCase(Locale.ROOT) + "\u2192" + to.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The texts with every attribute word set to one value.
     *
     * @param value the attribute value the variant takes, or {@link #SWAPPED} for a two-valued set's swap of texts
     *        that name both values
     * @param texts the substituted texts, in the order given
     * @param replacements the words that changed, in text order
     */
    public record Variant(String value, List<String> texts, List<Replacement> replacements) {
        public Variant {
            texts = List.copyOf(texts);
            replacements = List.copyOf(replacements);
        }

        /** The distinct substitution pairs, e.g. {@code [he→she, his→her]}. */
        public List<String> pairs() {
            Set<String> out = new LinkedHashSet<>();
            replacements.forEach(r -> out.add(r.pair()));
            return List.copyOf(out);
        }
    }

    /**
     * What the substitution makes of a record's texts.
     *
     * @param found whether any attribute word occurs in them
     * @param variants the swap (two values), or one per other value (more), when not ambiguous
     * @param ambiguities why values were skipped, e.g. {@code "her" could become "him" or "his" (male)}
     */
    public record Result(boolean found, List<Variant> variants, List<String> ambiguities) {
        public Result {
            variants = List.copyOf(variants);
            ambiguities = List.copyOf(ambiguities);
        }
    }

    /**
     * The variants of the texts (null texts stay null). With two values every attribute word is swapped for its
     * counterpart, both ways at once ({@code He thanked the woman} becomes {@code She thanked the man}): one variant,
     * named after the other value, or {@code swapped} when the texts name both. With more values the texts must
     * name one of them (else they are skipped and said why), and there is one variant per other value.
     */
    public Result variants(String... texts) {
        Set<Integer> present = new LinkedHashSet<>();
        for (String t : texts) {
            if (t == null) {
                continue;
            }
            Matcher m = pattern.matcher(t);
            while (m.find()) {
                for (int[] p : positions.get(m.group().toLowerCase(Locale.ROOT))) {
                    present.add(p[1]);
                }
            }
        }
        if (present.isEmpty()) {
            return new Result(false, List.of(), List.of());
        }
        List<Variant> variants = new ArrayList<>();
        List<String> ambiguities = new ArrayList<>();
        int n = set.values().size();
        if (n == 2) {
            String name = present.size() == 2 ? SWAPPED : set.values().get(1 - present.iterator().next());
            add(substitute(texts, v -> 1 - v, name), variants, ambiguities);
        } else if (present.size() > 1) {
            ambiguities.add("names " + String.join(" and ", present.stream().map(set.values()::get).toList())
                    + ": no single value to replace");
        } else {
            for (int target = 0; target < n; target++) {
                int t = target;
                add(substitute(texts, v -> t, set.values().get(t)), variants, ambiguities);
            }
        }
        return new Result(true, variants, ambiguities);
    }

    /** The name of a two-valued set's variant when the texts name both values. */
    public static final String SWAPPED = "swapped";

    private static void add(Object made, List<Variant> variants, List<String> ambiguities) {
        if (made instanceof Variant v) {
            variants.add(v);
        } else if (made instanceof String why) {
            ambiguities.add(why);
        }
    }

    /**
     * The texts with each attribute word replaced by its row's word for {@code target.applyAsInt(its value)}: a
     * {@link Variant}, the reason it is ambiguous (a String), or null when nothing would change.
     */
    private Object substitute(String[] texts, java.util.function.IntUnaryOperator target, String name) {
        List<String> out = new ArrayList<>();
        List<Replacement> replacements = new ArrayList<>();
        for (String text : texts) {
            if (text == null) {
                out.add(null);
                continue;
            }
            Matcher m = pattern.matcher(text);
            StringBuilder sb = new StringBuilder();
            int last = 0;
            while (m.find()) {
                String word = m.group();
                Set<String> targets = new LinkedHashSet<>();
                Set<String> towards = new LinkedHashSet<>();
                for (int[] p : positions.get(word.toLowerCase(Locale.ROOT))) {
                    int t = target.applyAsInt(p[1]);
                    targets.add(set.terms().get(p[0]).get(t));
                    towards.add(set.values().get(t));
                }
                if (targets.size() > 1) {
                    return "\"" + word + "\" could become \"" + String.join("\" or \"", targets) + "\" ("
                            + String.join(", ", towards) + ")";
                }
                String to = targets.iterator().next();
                if (to.equalsIgnoreCase(word)) {
                    to = word; // the same word: keep it as written
                } else {
                    to = matchCase(word, to);
                    replacements.add(new Replacement(word, to));
                }
                sb.append(text, last, m.start()).append(to);
                last = m.end();
            }
            sb.append(text, last, text.length());
            out.add(sb.toString());
        }
        return replacements.isEmpty() ? null : new Variant(name, out, replacements);
    }

    /** {@code to} in the case pattern of {@code from}: all upper, capitalised, or as the set writes it. */
    static String matchCase(String from, String to) {
        if (from.length() > 1 && from.equals(from.toUpperCase(Locale.ROOT))
                && !from.equals(from.toLowerCase(Locale.ROOT))) {
            return to.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(from.codePointAt(0))) {
            return to.substring(0, 1).toUpperCase(Locale.ROOT) + to.substring(1);
        }
        return to;
    }
}
