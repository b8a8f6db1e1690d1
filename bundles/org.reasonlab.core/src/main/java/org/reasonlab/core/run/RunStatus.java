package org.reasonlab.core.run;

import java.util.Locale;
import java.util.Optional;

/** Where a run stands, as read from its events. */
public enum RunStatus {
    /** Started and not finished yet, or its process died without a word (see {@link RunDirectory#status()}). */
    RUNNING,
    COMPLETED,
    CANCELLED,
    FAILED,
    /** No readable start: no events file, or nothing in it yet. */
    UNKNOWN;

    /** The name written to files: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a {@code finished} event may carry this status. */
    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }

    public static Optional<RunStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (RunStatus s : values()) {
            if (s.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
