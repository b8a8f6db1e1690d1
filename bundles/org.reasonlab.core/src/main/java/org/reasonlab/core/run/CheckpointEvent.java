package org.reasonlab.core.run;

import java.time.Instant;
import java.util.Objects;

/**
 * A checkpoint was saved completely.
 *
 * @param step the optimizer step it holds
 * @param path where, relative to the run directory with {@code /} separators, e.g. {@code checkpoints/step-100}
 */
public record CheckpointEvent(Instant time, long step, String path) implements RunEvent {
    public static final String TYPE = "checkpoint";

    public CheckpointEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
