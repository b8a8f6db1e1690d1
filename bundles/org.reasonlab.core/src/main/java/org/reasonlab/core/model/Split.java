package org.reasonlab.core.model;

import java.util.Locale;
import java.util.Optional;

/** The dataset split a record belongs to, named as Hugging Face {@code datasets} names them. */
public enum Split {
    TRAIN("train"), VALIDATION("validation"), TEST("test");

    private final String id;

    Split(String id) {
        this.id = id;
    }

    /** The canonical name written to files: {@code train}, {@code validation} or {@code test}. */
    public String id() {
        return id;
    }

    /** Parses a split name, accepting the common spellings {@code dev}, {@code val}, {@code valid}. */
    public static Optional<Split> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "train", "training" -> Optional.of(TRAIN);
            case "validation", "valid", "val", "dev", "development" -> Optional.of(VALIDATION);
            case "test", "testing" -> Optional.of(TEST);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
