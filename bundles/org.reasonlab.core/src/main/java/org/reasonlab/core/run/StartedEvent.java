package org.reasonlab.core.run;

import java.time.Instant;
import java.util.Objects;

/**
 * The run began.
 *
 * @param runId the spec's run id
 * @param mode the training mode's id ({@code l}, {@code l+r}, {@code r->l})
 * @param model the spec's model
 * @param tuning {@code lora} or {@code full}
 * @param trainExamples examples built from the train split, null when not known
 * @param evalExamples examples built from the eval split, null when not known
 * @param totalSteps optimizer steps planned, for progress; null when not known
 * @param environment what it runs on
 */
public record StartedEvent(Instant time, String runId, String mode, String model, String tuning,
        Integer trainExamples, Integer evalExamples, Integer totalSteps, RunEnvironment environment)
        implements RunEvent {
    public static final String TYPE = "started";

    public StartedEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
