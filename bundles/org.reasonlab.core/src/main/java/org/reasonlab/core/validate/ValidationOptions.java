package org.reasonlab.core.validate;

/**
 * Settings of the {@link Validator}; immutable, each {@code with...} method returns a changed copy.
 * <pre>{@code new ValidationOptions().withMinReasonWords(3).withCheckHygiene(false)}</pre>
 */
public final class ValidationOptions {
    /** Default minimum number of words in a reason before it counts as short. */
    public static final int DEFAULT_MIN_REASON_WORDS = 5;

    private final int minReasonWords;
    private final boolean checkContradictions;
    private final boolean checkHygiene;

    /** The defaults: reasons of at least 5 words, contradiction and text hygiene checks on. */
    public ValidationOptions() {
        this(DEFAULT_MIN_REASON_WORDS, true, true);
    }

    private ValidationOptions(int minReasonWords, boolean checkContradictions, boolean checkHygiene) {
        if (minReasonWords < 0) {
            throw new IllegalArgumentException("minReasonWords must not be negative: " + minReasonWords);
        }
        this.minReasonWords = minReasonWords;
        this.checkContradictions = checkContradictions;
        this.checkHygiene = checkHygiene;
    }

    public static ValidationOptions defaults() {
        return new ValidationOptions();
    }

    /** Reasons with fewer words than this are reported as {@link ProblemKind#SHORT_REASON}; 0 turns the check off. */
    public int minReasonWords() {
        return minReasonWords;
    }

    /** Whether reasons are checked against their labels ({@link ProblemKind#REASON_CONTRADICTS_LABEL}). */
    public boolean checkContradictions() {
        return checkContradictions;
    }

    /** Whether mojibake, non-breaking spaces and untrimmed whitespace are reported. */
    public boolean checkHygiene() {
        return checkHygiene;
    }

    public ValidationOptions withMinReasonWords(int words) {
        return new ValidationOptions(words, checkContradictions, checkHygiene);
    }

    public ValidationOptions withCheckContradictions(boolean check) {
        return new ValidationOptions(minReasonWords, check, checkHygiene);
    }

    public ValidationOptions withCheckHygiene(boolean check) {
        return new ValidationOptions(minReasonWords, checkContradictions, check);
    }

    @Override
    public String toString() {
        return "ValidationOptions[minReasonWords=" + minReasonWords + ", checkContradictions=" + checkContradictions
                + ", checkHygiene=" + checkHygiene + "]";
    }
}
