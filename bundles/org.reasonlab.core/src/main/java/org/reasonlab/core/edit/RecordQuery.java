package org.reasonlab.core.edit;

import java.util.Locale;

import org.reasonlab.core.model.Split;
import org.reasonlab.core.validate.ProblemKind;

/**
 * What the editor's filter bar asks for. Every criterion is optional (null or false = any); the
 * criteria are combined with AND.
 *
 * @param text case-insensitive text to find in the statement or reason (or in an unparsed line)
 * @param label a label name, {@link #UNLABELLED} for records without a label, or null for any
 * @param split a split, or null for any; see {@code unassignedSplit}
 * @param unassignedSplit only records without a split
 * @param problem only entries with this kind of problem
 * @param withProblems only entries with at least one problem (of any kind, any severity)
 * @param disagreement only records whose annotators disagree on the label
 */
public record RecordQuery(String text, String label, Split split, boolean unassignedSplit, ProblemKind problem,
        boolean withProblems, boolean disagreement) {

    /** The {@code label} value that selects records without a label. */
    public static final String UNLABELLED = "";

    public static final RecordQuery ALL = new RecordQuery(null, null, null, false, null, false, false);

    public RecordQuery {
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public boolean isEmpty() {
        return equals(ALL);
    }

    /** The search text in the form the index compares it, or null. */
    String foldedText() {
        return text == null ? null : fold(text);
    }

    public RecordQuery withText(String newText) {
        return new RecordQuery(newText, label, split, unassignedSplit, problem, withProblems, disagreement);
    }

    public RecordQuery withLabel(String newLabel) {
        return new RecordQuery(text, newLabel, split, unassignedSplit, problem, withProblems, disagreement);
    }

    public RecordQuery withSplit(Split newSplit, boolean unassigned) {
        return new RecordQuery(text, label, newSplit, unassigned, problem, withProblems, disagreement);
    }

    public RecordQuery withProblem(ProblemKind kind, boolean any) {
        return new RecordQuery(text, label, split, unassignedSplit, kind, any, disagreement);
    }

    public RecordQuery withDisagreement(boolean only) {
        return new RecordQuery(text, label, split, unassignedSplit, problem, withProblems, only);
    }

    /** Case folding used on both sides of the text search. */
    static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
