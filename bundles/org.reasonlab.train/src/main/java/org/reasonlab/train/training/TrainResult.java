package org.reasonlab.train.training;

import java.util.List;

import org.reasonlab.core.run.RunStatus;

/**
 * How a {@link FineTuner#train} call ended.
 *
 * @param status       completed, cancelled (stop requested; checkpointed) or failed
 * @param step         optimizer steps done in total (including those before a resume)
 * @param losses       the loss of each optimizer step this call took, in order
 * @param firstStep    the 1-based step of {@code losses.get(0)}
 * @param error        what went wrong when failed, else null
 * @param tokensPerSecond mean training throughput of this call (non-padding tokens per second)
 */
public record TrainResult(RunStatus status, long step, List<Double> losses, long firstStep, String error,
        double tokensPerSecond) {
    public TrainResult {
        losses = List.copyOf(losses);
    }
}
