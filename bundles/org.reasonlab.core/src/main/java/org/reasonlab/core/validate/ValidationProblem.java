package org.reasonlab.core.validate;

import java.util.Objects;

/**
 * One problem found in a dataset.
 *
 * @param kind what is wrong
 * @param severity how serious it is (the kind's default severity unless configured otherwise)
 * @param entryIndex the index of the entry in {@code dataset.entries()}
 * @param recordId the record's id, or null when it has none (or the entry is an unparsed line)
 * @param line the entry's 1-based source line, or 0 when unknown
 * @param field the field concerned: {@code "statement"}, {@code "label"}, {@code "reason"},
 *        {@code "id"} or {@code "split"}, or null when the problem concerns the whole entry
 * @param message a plain sentence naming the record and the problem
 */
public record ValidationProblem(ProblemKind kind, Severity severity, int entryIndex, String recordId, int line,
        String field, String message) {

    public ValidationProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
