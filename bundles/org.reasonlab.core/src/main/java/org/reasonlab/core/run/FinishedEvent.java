package org.reasonlab.core.run;

import java.time.Instant;
import java.util.Objects;

/**
 * The run ended; the last line a run writes.
 *
 * @param status {@link RunStatus#COMPLETED}, {@link RunStatus#CANCELLED} or {@link RunStatus#FAILED}
 * @param durationSeconds wall-clock time from start to end
 */
public record FinishedEvent(Instant time, RunStatus status, double durationSeconds) implements RunEvent {
    public static final String TYPE = "finished";

    public FinishedEvent {
        Objects.requireNonNull(time, "time");
        if (status == null || !status.isFinal()) {
            throw new IllegalArgumentException("a run finishes completed, cancelled or failed, not " + status);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }
}
