package org.reasonlab.core.run;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Run events as one line for people (the IDE's Console shows these instead of the JSON the trainer prints;
 * {@code events.jsonl} keeps the JSON).
 */
public final class RunEventText {
    private RunEventText() {
    }

    /** The event as text for people: one line, but for messages whose text has line breaks. */
    public static String describe(RunEvent event) {
        return describe(event, null);
    }

    /** Like {@link #describe(RunEvent)}, with step events as "step N/TOTAL" when the planned steps are known. */
    public static String describe(RunEvent event, Integer totalSteps) {
        return switch (event) {
            case StartedEvent e -> "started " + e.runId() + ": mode " + e.mode() + ", model " + e.model()
                    + (e.tuning() == null ? "" : ", " + e.tuning() + " tuning")
                    + (e.trainExamples() == null ? "" : ", " + e.trainExamples() + " training examples")
                    + (e.totalSteps() == null ? "" : ", " + e.totalSteps() + " steps")
                    + " on " + e.environment().device() + " (" + e.environment().engine() + ", seed "
                    + e.environment().seed() + ")";
            case StepEvent e -> {
                StringBuilder b = new StringBuilder("step ").append(e.step());
                if (totalSteps != null) {
                    b.append('/').append(totalSteps);
                }
                b.append(String.format(Locale.ROOT, "  epoch %d  loss %.4f  lr %.2e", e.epoch(), e.loss(),
                        e.learningRate()));
                if (e.gradNorm() != null) {
                    b.append(String.format(Locale.ROOT, "  grad norm %.3g", e.gradNorm()));
                }
                if (e.tokensPerSecond() != null) {
                    b.append(String.format(Locale.ROOT, "  %,.0f tokens/s", e.tokensPerSecond()));
                }
                yield b.toString();
            }
            case EvalEvent e -> "evaluation after step " + e.step() + ": " + metrics(e.metrics());
            case CheckpointEvent e -> "checkpoint at step " + e.step() + ": " + e.path();
            case MessageEvent e -> e.level().id() + ": " + e.text();
            case ErrorEvent e -> "error: " + e.message();
            case FinishedEvent e -> String.format(Locale.ROOT, "finished: %s after %.1f s", e.status().id(),
                    e.durationSeconds());
            default -> RunEventCodec.encode(event);
        };
    }

    private static String metrics(Map<String, Double> metrics) {
        StringJoiner j = new StringJoiner(", ");
        metrics.forEach((name, value) -> j.add(name + " " + (value == null ? "n/a"
                : String.format(Locale.ROOT, "%.4f", value))));
        return j.toString();
    }
}
