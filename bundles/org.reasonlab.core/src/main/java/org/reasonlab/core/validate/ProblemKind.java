package org.reasonlab.core.validate;

/** The kinds of problem the {@link Validator} reports, each with its default severity and a short title. */
public enum ProblemKind {
    PARSE_ERROR(Severity.ERROR, "Unparseable line"),
    MISSING_ID(Severity.WARNING, "Missing id"),
    DUPLICATE_ID(Severity.ERROR, "Duplicate id"),
    EMPTY_STATEMENT(Severity.ERROR, "Empty statement"),
    MISSING_LABEL(Severity.WARNING, "Missing label"),
    UNKNOWN_LABEL(Severity.ERROR, "Unknown label"),
    EMPTY_REASON(Severity.WARNING, "Empty reason"),
    SHORT_REASON(Severity.WARNING, "Short reason"),
    REASON_CONTRADICTS_LABEL(Severity.WARNING, "Reason contradicts label"),
    DUPLICATE_STATEMENT(Severity.WARNING, "Duplicate statement"),
    SPLIT_LEAKAGE(Severity.ERROR, "Statement in two splits"),
    MOJIBAKE(Severity.WARNING, "Mojibake"),
    NON_BREAKING_SPACE(Severity.INFO, "Non-breaking space"),
    UNTRIMMED_WHITESPACE(Severity.INFO, "Leading or trailing whitespace");

    private final Severity defaultSeverity;
    private final String title;

    ProblemKind(Severity defaultSeverity, String title) {
        this.defaultSeverity = defaultSeverity;
        this.title = title;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** A short human-readable name, e.g. "Duplicate id". */
    public String title() {
        return title;
    }
}
