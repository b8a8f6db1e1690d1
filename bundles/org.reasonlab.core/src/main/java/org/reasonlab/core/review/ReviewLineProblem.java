package org.reasonlab.core.review;

import org.reasonlab.core.model.RawLine;

/** A line of {@code reviews.jsonl} that is not a review. It is kept in the file byte for byte, never dropped. */
public final class ReviewLineProblem {
    private final RawLine raw;

    /**
     * @param line 1-based line number
     * @param bytes the line as read, without its line feed
     * @param message what is wrong with it
     */
    public ReviewLineProblem(int line, byte[] bytes, String message) {
        this.raw = new RawLine(bytes, line, message);
    }

    /** The 1-based line number. */
    public int line() {
        return raw.sourceLine();
    }

    /** What is wrong with the line. */
    public String message() {
        return raw.problem();
    }

    /** The line as text for display; invalid UTF-8 shows as replacement characters. */
    public String text() {
        return raw.text();
    }

    /** The exact bytes of the line, without its line feed: what is written back. */
    public byte[] bytes() {
        return raw.bytes();
    }

    @Override
    public String toString() {
        return "line " + line() + ": " + message();
    }
}
