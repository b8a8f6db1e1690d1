package org.reasonlab.core.review;

import java.util.Optional;

/** A reviewer's judgement of one generated reason: does it argue for the label the model predicted? */
public enum ReviewVerdict {
    ALIGNED("aligned"),
    MISALIGNED("misaligned");

    private final String id;

    ReviewVerdict(String id) {
        this.id = id;
    }

    /** The word written in {@code reviews.jsonl}. */
    public String id() {
        return id;
    }

    public static Optional<ReviewVerdict> parse(String text) {
        for (ReviewVerdict v : values()) {
            if (v.id.equals(text)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
