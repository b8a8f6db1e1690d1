package org.reasonlab.core.traces;

import java.util.Locale;

/** Whether a trace argues for the record's gold label. */
public enum Correctness {
    /** The trace's verdict is the gold label. */
    CORRECT,
    /** The trace clearly argues for another label than the gold one. */
    INCORRECT,
    /**
     * The trace states no clear verdict ({@link org.reasonlab.core.validate.VerdictDetector} finds none, or finds
     * stances for several labels), or the record has no label its schema knows, so there is nothing to compare.
     */
    UNCLEAR;

    /** {@code true}, {@code false} or null: the value of {@link TraceMetadata#CORRECT}. */
    public Boolean asBoolean() {
        return switch (this) {
            case CORRECT -> Boolean.TRUE;
            case INCORRECT -> Boolean.FALSE;
            case UNCLEAR -> null;
        };
    }

    /** The name in reports and on the command line: {@code correct}, {@code incorrect}, {@code unclear}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
