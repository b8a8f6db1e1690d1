package org.reasonlab.core.prompt;

/**
 * What a generated answer says.
 *
 * @param label the canonical label it states, null when unparseable
 * @param reason the reason it gives, stripped; null in mode L or when there is none. An
 *        unparseable answer in a mode with reasons keeps its whole text here, so that its overlap
 *        with the gold reason can still be measured.
 * @param parseable whether a label could be read unambiguously
 */
public record ParsedAnswer(String label, String reason, boolean parseable) {
    public ParsedAnswer {
        if (parseable == (label == null)) {
            throw new IllegalArgumentException("a parseable answer has a label, an unparseable one has none");
        }
    }

    public static ParsedAnswer of(String label, String reason) {
        return new ParsedAnswer(label, reason, true);
    }

    public static ParsedAnswer unparseable(String reason) {
        return new ParsedAnswer(null, reason, false);
    }
}
