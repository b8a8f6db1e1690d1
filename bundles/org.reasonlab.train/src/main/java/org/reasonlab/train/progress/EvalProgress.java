package org.reasonlab.train.progress;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import org.reasonlab.core.run.EvaluationProgress;
import org.reasonlab.core.run.MessageEvent;
import org.reasonlab.core.run.Prediction;
import org.reasonlab.train.eval.Evaluator;

/**
 * Evaluation progress: {@code eval: 40 / 100 records  ETA 12s} on {@code err} at most once a second (and at
 * the end), and, when {@code events} is given, the same as an info {@link MessageEvent} at every tenth of
 * the records, so that the Console and the event log show an evaluation after training advancing too.
 */
public final class EvalProgress implements Evaluator.Progress {
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final String prefix;
    private final PrintStream err;
    private final Consumer<MessageEvent> events;
    private final Clock clock;
    private final Instant start;
    private Instant lastLine = Instant.MIN;
    private int lastTenth;

    /** @param events where the tenths go as message events; null for none */
    public EvalProgress(String prefix, PrintStream err, Consumer<MessageEvent> events, Clock clock) {
        this.prefix = prefix;
        this.err = err;
        this.events = events;
        this.clock = clock;
        this.start = clock.instant();
    }

    @Override
    public void record(int done, int total, Prediction prediction) {
        Instant now = clock.instant();
        EvaluationProgress progress = new EvaluationProgress(done, total);
        String eta = Eta.of(done, total, Duration.between(start, now));
        if (done == total || Duration.between(lastLine, now).compareTo(EVERY) >= 0) {
            lastLine = now;
            err.println(prefix + ": " + progress.records() + "  ETA " + eta);
        }
        int tenth = total == 0 ? 10 : done * 10 / total;
        if (events != null && tenth > lastTenth) {
            lastTenth = tenth;
            events.accept(new MessageEvent(now, MessageEvent.Level.INFO, progress.message(eta)));
        }
    }
}
