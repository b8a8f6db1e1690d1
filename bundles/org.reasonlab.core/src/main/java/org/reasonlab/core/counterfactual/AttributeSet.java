package org.reasonlab.core.counterfactual;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Words that name one attribute's values and should not change a judgement: each row of {@code terms} gives the
 * same word for every value, in the order of {@code values} (gender: values {@code male, female}, rows
 * {@code he/she}, {@code him/her}, {@code his/her}, ...). A word may stand in several rows ({@code her}); where that
 * leaves a substitution open, the substitution is skipped ({@link Substitution}).
 *
 * @param name the set's name, e.g. {@code gender}
 * @param description what it covers, may be empty
 * @param values the attribute's values, at least two, each once
 * @param terms the rows, each with one non-blank word (or phrase) per value
 */
public record AttributeSet(String name, String description, List<String> values, List<List<String>> terms) {
    public AttributeSet {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        values = List.copyOf(values);
        terms = terms.stream().map(List::copyOf).toList();
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (values.size() < 2) {
            throw new IllegalArgumentException("values: at least two are needed, got " + values);
        }
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank() || !seen.add(v.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("values: each must be given once and not blank, got " + values);
            }
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("terms: at least one row is needed");
        }
        for (int i = 0; i < terms.size(); i++) {
            List<String> row = terms.get(i);
            if (row.size() != values.size()) {
                throw new IllegalArgumentException("terms[" + i + "]: " + row.size() + " words for " + values.size()
                        + " values " + values);
            }
            for (String t : row) {
                if (t == null || t.isBlank() || !t.equals(t.strip())) {
                    throw new IllegalArgumentException("terms[" + i + "]: words must not be blank or padded, got "
                            + row);
                }
            }
        }
    }

    /** The position of a value, -1 when the set has no such value. */
    public int indexOf(String value) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).equalsIgnoreCase(value)) {
                return i;
            }
        }
        return -1;
    }
}
