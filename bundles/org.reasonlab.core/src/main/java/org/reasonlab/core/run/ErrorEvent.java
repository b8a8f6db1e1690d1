package org.reasonlab.core.run;

import java.time.Instant;
import java.util.Objects;

/**
 * The run hit an error that ends it; a {@code finished} event with status failed follows when the
 * trainer can still write one.
 *
 * @param message one line for the user
 * @param detail a stack trace or log excerpt, may be null
 */
public record ErrorEvent(Instant time, String message, String detail) implements RunEvent {
    public static final String TYPE = "error";

    public ErrorEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
