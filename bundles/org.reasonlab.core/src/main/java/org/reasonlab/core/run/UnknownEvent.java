package org.reasonlab.core.run;

import java.time.Instant;
import java.util.Objects;

/**
 * An event this version cannot read: an unknown type (from a newer trainer) or a known type with
 * missing or ill-typed fields. Kept as written, so that nothing is lost and nothing fails.
 *
 * @param time its time when readable, else null
 * @param type its {@code "type"} when it is text, else null
 * @param json the JSON object as read
 * @param problem why it could not be read as a known event
 */
public record UnknownEvent(Instant time, String type, String json, String problem) implements RunEvent {
    public UnknownEvent {
        Objects.requireNonNull(json, "json");
    }
}
