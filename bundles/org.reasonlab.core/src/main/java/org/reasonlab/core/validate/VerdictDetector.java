package org.reasonlab.core.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reasonlab.core.model.LabelSchema;

/**
 * Reads which label a free-text reason argues for, conservatively.
 * <p>
 * The verdict terms of each label (its {@link LabelSchema.Label#verdictTerms() verdict terms} and
 * its name) are found as whole words, longest first, so {@code unethical} never counts as
 * {@code ethical} and {@code non-ethical} is a term of its own; hyphens and spaces inside a term
 * are interchangeable ({@code non ethical}). A negation shortly before a term ({@code not},
 * {@code n't}, {@code never}, {@code cannot}, {@code hardly}, {@code no way}, {@code nothing} ...,
 * possibly with copulas and adverbs between, as in {@code "can't be"}, {@code "not at all"},
 * {@code "not completely"}) turns it into support for the other label when the schema has exactly
 * two labels; with more labels a negated term is ignored. Negation does not cross clause
 * punctuation, and {@code "not only"} / {@code "not just"} do not negate. Terms used as
 * attributes of abstract nouns ({@code "ethical standards"}, {@code "ethical principles"}) state no
 * verdict and are skipped.
 * <p>
 * A verdict is returned only when it is clear: one label has support and no other has, or it has
 * at least twice the support of every other.
 */
public final class VerdictDetector {

    /**
     * One verdict-bearing phrase found in a reason.
     *
     * @param label the label this phrase supports (after negation)
     * @param term the verdict term as written, e.g. {@code "unethical"}
     * @param negated whether a negation before the term flipped it
     * @param phrase the words stating the verdict as written, e.g. {@code "can't be unethical"}
     * @param start where the phrase starts in the reason (char index)
     * @param end where it ends (exclusive)
     */
    public record Stance(String label, String term, boolean negated, String phrase, int start, int end) {
    }

    private static final Set<String> NEGATORS = Set.of("not", "never", "hardly", "barely", "scarcely", "nothing",
            "nor", "neither", "cannot", "isnt", "arent", "wasnt", "werent", "cant", "couldnt", "shouldnt", "wouldnt",
            "dont", "doesnt", "didnt", "wont", "aint", "hasnt", "havent", "hadnt", "mustnt", "neednt");

    /** Words that may stand between a negation and the term it negates. */
    private static final Set<String> FILLERS = Set.of("be", "been", "being", "is", "are", "was", "were", "am",
            "it", "it's", "its", "that", "this", "that's", "considered", "seen", "deemed", "regarded", "viewed",
            "as", "at", "all", "in", "any", "way", "sense", "the", "least", "a", "an", "bit", "very", "so", "too",
            "quite", "even", "necessarily", "by", "means", "seem", "seems", "seemed", "look", "looks", "sound",
            "sounds", "appear", "appears", "to", "remotely", "either", "would", "could", "should", "can", "may",
            "might", "must", "will", "think", "believe", "true", "anything", "something", "really", "or", "wrong",
            "illegal", "harmful", "bad", "unfair", "safe", "unsafe", "legal", "moral", "immoral", "fair", "right");

    /** Words after a term that show it is used predicatively ("is unethical because ..."). */
    private static final Set<String> PREDICATIVE_FOLLOWERS = Set.of(
            "and", "or", "but", "nor", "to", "at", "in", "for", "because", "as", "since", "if", "when", "from", "by",
            "on", "so", "unless", "though", "although", "even", "regardless", "under", "either", "given", "whether",
            "according", "considering", "towards", "toward", "with", "without", "here", "there", "anyway", "too",
            "also", "both", "yet", "then", "than", "whatever", "no", "not", "within", "any", "anymore", "whatsoever",
            "overall", "while", "whereas", "however", "thus", "therefore", "hence", "it", "this", "that", "which",
            "who", "is", "was", "are", "were", "be", "until", "after", "before", "during", "now", "today", "morally",
            "ethically", "socially", "legally", "all", "neither", "of", "about");

    /** Words that make the sentence before a term hypothetical or reported: "if", "would", "others argue". */
    private static final Set<String> HEDGES = Set.of("if", "unless", "otherwise", "would", "could", "might", "may",
            "whether", "argue", "argues", "argued", "claim", "claims", "others", "suppose", "assuming", "say", "says",
            "said");

    /** Verbs after which a bare attributive use judges: "is unacceptable behaviour". */
    private static final Set<String> COPULAS = Set.of("is", "are", "was", "were", "be", "been", "being", "it's",
            "that's", "this's", "isn't", "wasn't", "aren't", "weren't");

    /** Comparatives: "a more ethical approach" compares, it does not judge (unless "... than"). */
    private static final Set<String> COMPARATIVES = Set.of("more", "less", "most", "least", "equally");

    /** Nouns after which a term is about ethics in general rather than a verdict: "ethical standards". */
    private static final Set<String> ABSTRACT_NOUNS = Set.of("standard", "standards", "principle", "principles",
            "norm", "norms", "value", "values", "guideline", "guidelines", "code", "codes", "rule", "rules",
            "concern", "concerns", "issue", "issues", "question", "questions", "dilemma", "dilemmas", "ground",
            "grounds", "boundary", "boundaries", "consideration", "considerations", "implication", "implications",
            "obligation", "obligations", "duty", "duties", "perspective", "point", "standpoint", "terms",
            "aspect", "aspects", "framework", "theory", "theories", "judgment", "judgement", "judgments",
            "judgements", "reasoning", "sense", "matter", "matters", "problem", "problems", "requirement",
            "requirements", "system", "systems", "debate", "debates", "reason", "reasons");

    private final List<String> labels;
    private final boolean binary;
    private final Map<String, Integer> termLabel = new HashMap<>();
    private final Pattern pattern;

    public VerdictDetector(LabelSchema schema) {
        Objects.requireNonNull(schema, "schema");
        this.labels = schema.names();
        this.binary = labels.size() == 2;
        Set<String> ambiguous = new LinkedHashSet<>();
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            LabelSchema.Label label = schema.labels().get(i);
            List<String> all = new ArrayList<>(label.verdictTerms());
            all.add(label.name());
            for (String term : all) {
                String normal = normalize(term).trim();
                String canonical = canonical(normal);
                if (canonical.isEmpty()) {
                    continue;
                }
                Integer previous = termLabel.putIfAbsent(canonical, i);
                if (previous == null) {
                    terms.add(normal);
                } else if (previous != i) {
                    ambiguous.add(canonical);
                }
            }
        }
        ambiguous.forEach(termLabel::remove);
        terms.removeIf(t -> ambiguous.contains(canonical(t)));
        terms.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}_-])(?:");
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                regex.append('|');
            }
            String[] parts = terms.get(i).split("[\\s-]+");
            for (int k = 0; k < parts.length; k++) {
                if (k > 0) {
                    regex.append("[\\s-]*");
                }
                regex.append(Pattern.quote(parts[k]));
            }
        }
        regex.append(")(?![\\p{L}\\p{N}_-])");
        this.pattern = terms.isEmpty() ? null : Pattern.compile(regex.toString());
    }

    /** The label the reason argues for, or empty when it states none or its stances are unclear. */
    public Optional<String> verdict(String reason) {
        return verdictOf(stances(reason));
    }

    /**
     * Whether the reason clearly argues for another label than the record's.
     *
     * @param label the record's label (canonical name); unknown or null labels are never contradicted
     * @param reason the record's reason
     */
    public Optional<Contradiction> contradiction(String label, String reason) {
        if (label == null || !labels.contains(label)) {
            return Optional.empty();
        }
        List<Stance> stances = stances(reason);
        Optional<String> verdict = verdictOf(stances);
        if (verdict.isEmpty() || verdict.get().equals(label)) {
            return Optional.empty();
        }
        Stance first = stances.stream().filter(s -> s.label().equals(verdict.get())).findFirst().orElseThrow();
        return Optional.of(new Contradiction(label, verdict.get(), first.phrase(), excerpt(reason, first)));
    }

    /** Every verdict-bearing phrase in the reason, in text order. */
    public List<Stance> stances(String reason) {
        if (reason == null || reason.isEmpty() || pattern == null) {
            return List.of();
        }
        String text = normalize(reason);
        List<Stance> result = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            Integer labelIndex = termLabel.get(canonical(m.group()));
            if (labelIndex == null || !statesVerdict(text, m.start(), m.end())) {
                continue;
            }
            // Walk back over fillers and negations within the clause.
            int pos = m.start();
            int phraseStart = m.start();
            int negations = 0;
            String later = null; // the word walked just before (nearer the term)
            for (int steps = 0; steps < 6; steps++) {
                int p = pos;
                while (p > 0 && Character.isWhitespace(text.charAt(p - 1))) {
                    p--;
                }
                if (p == 0 || !isWordChar(text.charAt(p - 1))) {
                    break;
                }
                int wordEnd = p;
                while (p > 0 && isWordChar(text.charAt(p - 1))) {
                    p--;
                }
                String word = text.substring(p, wordEnd);
                if (isNegator(word, later)) {
                    negations++;
                } else if (!isFiller(word)) {
                    break;
                }
                pos = p;
                phraseStart = p;
                later = word;
            }
            boolean negated = negations % 2 == 1;
            int supported = labelIndex;
            if (negated) {
                if (!binary) {
                    continue;
                }
                supported = 1 - labelIndex;
            }
            result.add(new Stance(labels.get(supported), reason.substring(m.start(), m.end()), negated,
                    reason.substring(phraseStart, m.end()), phraseStart, m.end()));
        }
        return result;
    }

    private Optional<String> verdictOf(List<Stance> stances) {
        if (stances.isEmpty()) {
            return Optional.empty();
        }
        int[] support = new int[labels.size()];
        for (Stance s : stances) {
            support[labels.indexOf(s.label())]++;
        }
        int best = 0;
        for (int i = 1; i < support.length; i++) {
            if (support[i] > support[best]) {
                best = i;
            }
        }
        for (int i = 0; i < support.length; i++) {
            if (i != best && support[i] > 0 && support[best] < 2 * support[i]) {
                return Optional.empty();
            }
        }
        return Optional.of(labels.get(best));
    }

    private static String excerpt(String reason, Stance stance) {
        int start = stance.start();
        for (int words = 0; words < 3 && start > 0; words++) {
            start = previousWordStart(reason, start);
        }
        int end = stance.end();
        for (int words = 0; words < 3 && end < reason.length(); words++) {
            end = nextWordEnd(reason, end);
        }
        String core = reason.substring(start, end).strip().replaceAll("\\s+", " ");
        return (start > 0 ? "... " : "") + core + (end < reason.length() ? " ..." : "");
    }

    private static int previousWordStart(String s, int pos) {
        int p = pos;
        while (p > 0 && Character.isWhitespace(s.charAt(p - 1))) {
            p--;
        }
        while (p > 0 && !Character.isWhitespace(s.charAt(p - 1))) {
            p--;
        }
        return p;
    }

    private static int nextWordEnd(String s, int pos) {
        int p = pos;
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
            p++;
        }
        while (p < s.length() && !Character.isWhitespace(s.charAt(p))) {
            p++;
        }
        return p;
    }

    /**
     * Whether the term at [start, end) judges the statement: used predicatively ("is unethical.",
     * "unethical and cruel") or as "a/an TERM noun" ("an unethical act"), not comparatively ("a more
     * ethical way"), not as an attribute in general talk ("ethical behaviour means ...", "ethical
     * standards"), and not in a hypothetical or reported sentence ("if ..., it would be unethical").
     */
    private static boolean statesVerdict(String text, int start, int end) {
        String next = wordAfter(text, end);
        if (next != null && ABSTRACT_NOUNS.contains(next)) {
            return false;
        }
        String previous = wordBefore(text, start);
        if (previous != null && COMPARATIVES.contains(previous) && !"than".equals(next)) {
            return false; // "a more ethical way", but "nothing is more unethical than ..." judges
        }
        if (next != null && !PREDICATIVE_FOLLOWERS.contains(next)) {
            // attributive: only "is (adverb) TERM noun" and "is/considered/not a(n) (adverb) TERM noun" judge
            int p = start;
            String before = previous;
            while (before != null && (before.equals("very") || (before.length() > 4 && before.endsWith("ly")))) {
                p = wordStartBefore(text, p);
                before = wordBefore(text, p);
            }
            if ("a".equals(before) || "an".equals(before)) {
                p = wordStartBefore(text, p);
                before = wordBefore(text, p);
                if (before == null || !(isFiller(before) || isNegator(before, null))) {
                    return false; // "for an ethical approach", "An ethical person would ..."
                }
            } else if (before == null || !COPULAS.contains(before)) {
                return false; // "ethical behaviour means ...", "the ethical course of action"
            }
        }
        return !hedged(text, start);
    }

    /** Whether the sentence before the position holds a hedge word. */
    private static boolean hedged(String text, int pos) {
        int p = pos;
        while (p > 0) {
            char c = text.charAt(p - 1);
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n') {
                break;
            }
            p--;
        }
        int i = p;
        while (i < pos) {
            while (i < pos && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < pos && isWordChar(text.charAt(j))) {
                j++;
            }
            if (j > i && HEDGES.contains(text.substring(i, j))) {
                return true;
            }
            i = Math.max(j, i + 1);
        }
        return false;
    }

    /** The word right after the position (letters and apostrophes), or null at punctuation or the end. */
    private static String wordAfter(String text, int end) {
        int p = end;
        while (p < text.length() && text.charAt(p) == ' ') {
            p++;
        }
        int q = p;
        while (q < text.length() && isWordChar(text.charAt(q))) {
            q++;
        }
        return q > p ? text.substring(p, q) : null;
    }

    /** The word right before the position within the clause, or null at punctuation or the start. */
    private static String wordBefore(String text, int start) {
        int p = start;
        while (p > 0 && text.charAt(p - 1) == ' ') {
            p--;
        }
        int q = wordStartBefore(text, start);
        return q < p ? text.substring(q, p) : null;
    }

    /** Where the word right before the position starts (the position itself when there is none). */
    private static int wordStartBefore(String text, int start) {
        int p = start;
        while (p > 0 && text.charAt(p - 1) == ' ') {
            p--;
        }
        int q = p;
        while (q > 0 && isWordChar(text.charAt(q - 1))) {
            q--;
        }
        return q < p ? q : start;
    }

    private static boolean isNegator(String word, String later) {
        if (later != null && (later.equals("is") || later.equals("are") || later.equals("was") || later.equals("were")
                || later.equals("am"))) {
            return false; // "when you haven't is considered unethical": the negation ends another clause
        }
        if (word.equals("no")) {
            // "no way unethical", "by no means", "no unethical act"; not "no, it is ..." or "no doubt".
            return later == null || later.equals("way") || later.equals("means");
        }
        return NEGATORS.contains(word) || word.endsWith("n't");
    }

    private static boolean isFiller(String word) {
        if (FILLERS.contains(word)) {
            return true;
        }
        // adverbs: "completely", "totally", "absolutely"; but "only" must stop ("not only unethical")
        return word.length() > 4 && word.endsWith("ly") && !word.equals("only");
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'';
    }

    /** Lower case and ASCII apostrophes and hyphens, keeping every char at its index. */
    private static String normalize(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            chars[i] = switch (c) {
                case '\u2019', '\u2018', '\u02BC', '`', '\u00B4' -> '\'';
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212' -> '-';
                case '\u00A0', '\u202F', '\u2007' -> ' ';
                default -> Character.toLowerCase(c);
            };
        }
        return new String(chars);
    }

    /** The term without spaces and hyphens, so that "non ethical" and "non-ethical" are one term. */
    private static String canonical(String term) {
        StringBuilder sb = new StringBuilder(term.length());
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c != '-' && !Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
