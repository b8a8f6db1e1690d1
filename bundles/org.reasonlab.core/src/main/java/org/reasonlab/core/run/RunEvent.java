package org.reasonlab.core.run;

import java.time.Instant;

/**
 * One line of a run's {@code events.jsonl}: a JSON object with {@code "type"} and {@code "time"}
 * (ISO-8601) and the fields of its kind. See {@link RunEventCodec} for the encoding.
 */
public sealed interface RunEvent permits StartedEvent, StepEvent, EvalEvent, CheckpointEvent, MessageEvent,
        FinishedEvent, ErrorEvent, UnknownEvent {

    /** When it happened; null only for an {@link UnknownEvent} without a readable time. */
    Instant time();

    /** The {@code "type"} written to the file, e.g. {@code "step"}. */
    String type();
}
