package org.reasonlab.core.prompt;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reasonlab.core.model.DatasetRecord;

/**
 * The text a model is shown (the prompt) and the text it learns to answer, with the placeholders
 * {@code {statement}}, {@code {label}} and {@code {reason}}.
 * <p>
 * A placeholder is a name of letters, digits and underscores in braces; any other brace is plain
 * text, so a prompt may contain JSON. Values are inserted stripped of surrounding whitespace, in
 * one pass: a statement containing {@code "{reason}"} stays as written.
 */
public final class PromptTemplate {
    public static final String STATEMENT = "statement";
    public static final String LABEL = "label";
    public static final String REASON = "reason";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");
    private static final Set<String> KNOWN = Set.of(STATEMENT, LABEL, REASON);

    private final String prompt;
    private final String answer;

    /**
     * @throws IllegalArgumentException naming the problem: an unknown placeholder, a prompt without
     *         {@code {statement}} or with {@code {label}} / {@code {reason}} (which would give the
     *         answer away), or an answer that is blank or lacks {@code {label}}
     */
    public PromptTemplate(String prompt, String answer) {
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.answer = Objects.requireNonNull(answer, "answer");
        Set<String> inPrompt = placeholders(prompt, "prompt");
        Set<String> inAnswer = placeholders(answer, "answer");
        if (!inPrompt.contains(STATEMENT)) {
            throw new IllegalArgumentException("the prompt must contain {statement}");
        }
        // DFAR reasons state their verdict, so a reason in the prompt leaks the label as well.
        for (String leak : new String[] { LABEL, REASON }) {
            if (inPrompt.contains(leak)) {
                throw new IllegalArgumentException("the prompt must not contain {" + leak + "}: it gives the answer away");
            }
        }
        if (answer.isBlank()) {
            throw new IllegalArgumentException("the answer must not be empty");
        }
        if (!inAnswer.contains(LABEL)) {
            throw new IllegalArgumentException("the answer must contain {label}");
        }
    }

    private static Set<String> placeholders(String text, String where) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown placeholder {" + name + "} in the " + where
                        + " (known: {statement}, {label}, {reason})");
            }
            names.add(name);
        }
        return names;
    }

    public String promptText() {
        return prompt;
    }

    public String answerText() {
        return answer;
    }

    /** Whether the answer contains the reason, so that records without one cannot be used. */
    public boolean usesReason() {
        return answer.contains("{" + REASON + "}");
    }

    /** Whether the reason comes before the label in the answer. */
    public boolean reasonFirst() {
        return usesReason() && answer.indexOf("{" + REASON + "}") < answer.indexOf("{" + LABEL + "}");
    }

    public String prompt(DatasetRecord record) {
        return prompt(record.statement());
    }

    public String prompt(String statement) {
        return fill(prompt, statement, null, null);
    }

    /** The answer with the record's label as it is; {@link ExampleBuilder} resolves aliases first. */
    public String answer(DatasetRecord record) {
        return answer(record.label(), record.reason());
    }

    public String answer(String label, String reason) {
        return fill(answer, null, label, reason);
    }

    private static String fill(String template, String statement, String label, String reason) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder(template.length() + 256);
        while (m.find()) {
            String value = switch (m.group(1)) {
                case STATEMENT -> statement;
                case LABEL -> label;
                default -> reason;
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? "" : value.strip()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PromptTemplate t && prompt.equals(t.prompt) && answer.equals(t.answer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prompt, answer);
    }

    @Override
    public String toString() {
        return "PromptTemplate[prompt=" + prompt + ", answer=" + answer + "]";
    }
}
