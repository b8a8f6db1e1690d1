package org.reasonlab.train.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.reasonlab.core.run.RunEvent;
import org.reasonlab.core.run.StartedEvent;
import org.reasonlab.core.run.StepEvent;
import org.reasonlab.train.training.EventSink;

/**
 * Training progress for a person at a terminal: a line per step on {@code err} (at most one a second,
 * and the last step), {@code train: step 120/300  loss 0.4312  1520 tokens/s  ETA 1m 05s}. The JSON
 * events go to the event log as before; this only reads them.
 */
public final class StepProgress implements EventSink {
    /** Set to {@code false} by a launcher that shows the events itself (the workbench's Console). */
    public static final String ENVIRONMENT = "REASONLAB_STEP_PROGRESS";
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final PrintStream err;
    private Integer totalSteps;
    private Instant start;
    private long firstStep;
    private Instant lastLine = Instant.MIN;

    /** Whether step lines are wanted: unless {@value #ENVIRONMENT} is {@code false}. */
    public static boolean wanted() {
        return !"false".equalsIgnoreCase(System.getenv(ENVIRONMENT));
    }

    public StepProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void emit(RunEvent event) {
        if (event instanceof StartedEvent s) {
            totalSteps = s.totalSteps();
            start = s.time();
            firstStep = -1;
        } else if (event instanceof StepEvent s) {
            if (firstStep < 0) {
                firstStep = s.step() - 1; // a resumed run starts after its checkpoint
            }
            boolean last = totalSteps != null && s.step() >= totalSteps;
            if (!last && Duration.between(lastLine, s.time()).compareTo(EVERY) < 0) {
                return;
            }
            lastLine = s.time();
            err.println(line(s));
        }
    }

    private String line(StepEvent s) {
        StringBuilder sb = new StringBuilder("train: step ").append(s.step());
        if (totalSteps != null) {
            sb.append('/').append(totalSteps);
        }
        sb.append(String.format(Locale.ROOT, "  loss %.4f", s.loss()));
        if (s.tokensPerSecond() != null) {
            sb.append(String.format(Locale.ROOT, "  %.0f tokens/s", s.tokensPerSecond()));
        }
        if (totalSteps != null && start != null) {
            sb.append("  ETA ").append(Eta.of(s.step() - firstStep, totalSteps - firstStep,
                    Duration.between(start, s.time())));
        }
        return sb.toString();
    }
}
