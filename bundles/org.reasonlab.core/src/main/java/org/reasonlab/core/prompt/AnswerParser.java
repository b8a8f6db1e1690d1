package org.reasonlab.core.prompt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reasonlab.core.model.LabelSchema;

/**
 * Reads the label and reason from a model's generated answer.
 * <p>
 * Label words are the schema's names and aliases, case-insensitive, as whole words: a hyphen
 * joins words, so neither {@code unethical} nor {@code non-ethical} counts as {@code ethical}.
 * <ul>
 * <li>In {@link TrainingMode#L} and {@link TrainingMode#L_PLUS_R} the label must open the answer,
 * after optional whitespace, quotes or markdown emphasis and an optional lead-in such as
 * {@code "The statement is"}, {@code "### Answer:"} or {@code "It is"}. In L+R the rest, minus the
 * punctuation after the label, is the reason.</li>
 * <li>In {@link TrainingMode#R_THEN_L} the label is the one in the last {@code "statement is X"}
 * and the reason is the text before that conclusion; without such a conclusion the last label word
 * counts, unless a negation stands right before it, or the answer was cut by the token limit: then
 * the verdict was never reached, and a label word inside the reason is no verdict.</li>
 * </ul>
 * Two different labels joined by "or", "and", "/", "," ... ({@code "ethical or unethical"}) are
 * ambiguous and make the answer unparseable. Text from a {@code ###} on (the model going on with the
 * next question of the template) is ignored.
 */
public final class AnswerParser {
    private static final String WORD_BEFORE = "(?<![\\p{L}\\p{N}_-])";
    private static final String WORD_AFTER = "(?![\\p{L}\\p{N}_-])";
    private static final String OPENERS = "[\\s\"'`*_(\\[]*";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern ANSWER_CUE = Pattern.compile("^\\s*(?:#+\\s*answer\\s*:)?", FLAGS);
    private static final Pattern LEAD_IN = Pattern.compile(OPENERS
            + "(?:(?:the|this)\\s+statement\\s+is\\s*:?|answer\\s*:|it\\s+is" + WORD_AFTER + ")?" + OPENERS, FLAGS);
    private static final Pattern CONNECTOR = Pattern.compile(
            "[\\s\"'`*_)\\]]*(?:/|\\||,|&|\\bor\\b|\\band\\b|\\bnor\\b|\\bvs\\.?|\\bversus\\b)" + OPENERS, FLAGS);
    private static final Pattern REASON_START = Pattern.compile("^[\\s\"'`*_)\\].:;,!\\-\u2013\u2014]+");
    private static final Pattern CONCLUSION_CONNECTOR = Pattern.compile(
            "[\\s,;:]*(?:\\b(?:therefore|thus|hence|so|consequently)\\b\\s*,?\\s*)?$", FLAGS);
    private static final Set<String> NEGATORS = Set.of("not", "never", "no", "hardly", "nor", "neither", "cannot");

    private final LabelSchema schema;
    private final TrainingMode mode;
    /** Names and all aliases: where the label opens the answer. */
    private final Pattern openingLabel;
    /** Names and aliases that are not numbers: numbers inside a reason ("1 person") are no verdicts. */
    private final Pattern labelInText;
    private final Pattern conclusion;

    public AnswerParser(LabelSchema schema, TrainingMode mode) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.mode = Objects.requireNonNull(mode, "mode");
        List<String> all = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (LabelSchema.Label label : schema.labels()) {
            all.add(label.name());
            words.add(label.name());
            for (String alias : label.aliases()) {
                all.add(alias);
                if (!alias.strip().chars().allMatch(Character::isDigit)) {
                    words.add(alias);
                }
            }
        }
        this.openingLabel = Pattern.compile(labelRegex(all), FLAGS);
        this.labelInText = Pattern.compile(labelRegex(words), FLAGS);
        this.conclusion = Pattern.compile("\\b(?:the|this)\\s+statement\\s+is\\s*:?" + OPENERS + labelRegex(words),
                FLAGS);
    }

    private static String labelRegex(List<String> terms) {
        List<String> sorted = terms.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        StringBuilder sb = new StringBuilder(WORD_BEFORE).append("(");
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            String[] parts = sorted.get(i).split("\\s+");
            for (int k = 0; k < parts.length; k++) {
                sb.append(k > 0 ? "\\s+" : "").append(Pattern.quote(parts[k]));
            }
        }
        return sb.append(")").append(WORD_AFTER).toString();
    }

    public TrainingMode mode() {
        return mode;
    }

    /** {@link #parse(String, boolean)} of an answer that ended by itself. */
    public ParsedAnswer parse(String generated) {
        return parse(generated, false);
    }

    /**
     * @param truncated whether generation stopped at the token limit: an answer whose verdict comes last
     *        is then unparseable unless it reached its conclusion
     */
    public ParsedAnswer parse(String generated, boolean truncated) {
        String text = generated == null ? "" : generated;
        Matcher cue = ANSWER_CUE.matcher(text);
        text = cue.lookingAt() ? text.substring(cue.end()) : text;
        int next = text.indexOf("###");
        if (next >= 0) {
            text = text.substring(0, next);
        }
        return mode == TrainingMode.R_THEN_L ? parseReasonFirst(text, truncated) : parseLabelFirst(text);
    }

    private ParsedAnswer parseLabelFirst(String text) {
        Matcher lead = LEAD_IN.matcher(text);
        int start = lead.lookingAt() ? lead.end() : 0;
        Matcher m = openingLabel.matcher(text).region(start, text.length());
        if (!m.lookingAt() || followedByOtherLabel(text, m.end(), labelOf(m.group(1)))) {
            return unparseable(text);
        }
        String reason = null;
        if (mode == TrainingMode.L_PLUS_R) {
            reason = blankToNull(REASON_START.matcher(text.substring(m.end())).replaceFirst(""));
        }
        return ParsedAnswer.of(labelOf(m.group(1)), reason);
    }

    private ParsedAnswer parseReasonFirst(String text, boolean truncated) {
        Matcher c = conclusion.matcher(text);
        int start = -1;
        String label = null;
        int end = -1;
        while (c.find()) {
            start = c.start();
            label = labelOf(c.group(1));
            end = c.end();
        }
        if (label != null) {
            if (followedByOtherLabel(text, end, label)) {
                return unparseable(text);
            }
            String before = text.substring(0, start);
            before = CONCLUSION_CONNECTOR.matcher(before.stripTrailing()).replaceFirst("");
            return ParsedAnswer.of(label, blankToNull(before));
        }
        if (truncated) {
            return unparseable(text);
        }
        Matcher w = labelInText.matcher(text);
        int lastStart = -1;
        int lastEnd = -1;
        while (w.find()) {
            lastStart = w.start();
            lastEnd = w.end();
            label = labelOf(w.group(1));
        }
        if (label == null || negatedOrAmbiguous(text, lastStart, label) || followedByOtherLabel(text, lastEnd, label)) {
            return unparseable(text);
        }
        int sentence = sentenceStart(text, lastStart);
        String reason = blankToNull(text.substring(0, sentence));
        return ParsedAnswer.of(label, reason != null ? reason : blankToNull(text));
    }

    private ParsedAnswer unparseable(String text) {
        return ParsedAnswer.unparseable(mode == TrainingMode.L ? null : blankToNull(text));
    }

    /** "ethical or unethical", "ethical/unethical": a different label right after the connector. */
    private boolean followedByOtherLabel(String text, int end, String label) {
        Matcher sep = CONNECTOR.matcher(text).region(end, text.length());
        if (!sep.lookingAt()) {
            return false;
        }
        Matcher other = openingLabel.matcher(text).region(sep.end(), text.length());
        return other.lookingAt() && !labelOf(other.group(1)).equals(label);
    }

    /** A negation among the three words before the label in its clause, or another label joined to it. */
    private boolean negatedOrAmbiguous(String text, int start, String label) {
        int clause = start;
        while (clause > 0 && ".,;:!?\n".indexOf(text.charAt(clause - 1)) < 0) {
            clause--;
        }
        String[] words = text.substring(clause, start).toLowerCase(Locale.ROOT).strip().split("[^\\p{L}\\p{N}']+");
        for (int i = Math.max(0, words.length - 3); i < words.length; i++) {
            if (NEGATORS.contains(words[i]) || words[i].endsWith("n't")) {
                return true;
            }
        }
        Matcher other = labelInText.matcher(text.substring(clause, start));
        while (other.find()) {
            Matcher sep = CONNECTOR.matcher(text).region(clause + other.end(), start);
            if (sep.lookingAt() && sep.end() == start && !labelOf(other.group(1)).equals(label)) {
                return true;
            }
        }
        return false;
    }

    private static int sentenceStart(String text, int pos) {
        int p = pos;
        while (p > 0 && ".!?\n".indexOf(text.charAt(p - 1)) < 0) {
            p--;
        }
        return p;
    }

    private String labelOf(String matched) {
        return schema.resolve(matched.replaceAll("\\s+", " ")).orElseThrow();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
