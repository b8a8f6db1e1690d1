package org.reasonlab.core.run;

import java.time.Instant;
import java.util.Objects;

/**
 * An optimizer step was taken (the trainer may log only every n-th).
 *
 * @param step the 1-based optimizer step
 * @param epoch the 1-based epoch the step belongs to
 * @param loss the training loss, possibly NaN or infinite when training diverged
 * @param learningRate the learning rate used for the step
 * @param tokensPerSecond throughput since the previous step event, null when not measured
 * @param gradNorm the gradient norm before clipping, null when not measured
 */
public record StepEvent(Instant time, long step, int epoch, double loss, double learningRate, Double tokensPerSecond,
        Double gradNorm) implements RunEvent {
    public static final String TYPE = "step";

    public StepEvent {
        Objects.requireNonNull(time, "time");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
