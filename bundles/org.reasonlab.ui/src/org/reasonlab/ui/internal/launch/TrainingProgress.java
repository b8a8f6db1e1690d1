package org.reasonlab.ui.internal.launch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reasonlab.core.run.ErrorEvent;
import org.reasonlab.core.run.EvalEvent;
import org.reasonlab.core.run.FinishedEvent;
import org.reasonlab.core.run.RunEvent;
import org.reasonlab.core.run.RunEventCodec;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.core.run.StartedEvent;
import org.reasonlab.core.run.StepEvent;

/**
 * Progress of a trainer process, from its output: the JSON event lines on stdout
 * ({@link RunEventCodec}) and its {@code eval: done / total records  ETA ...} lines on stderr (an evaluation, alone
 * or after training). Feed it
 * chunks as they come ({@link #stdout}, {@link #stderr}); anything that is not an event line is
 * ignored here (it still shows in the Console). Thread-safe: the stream readers feed it, the job
 * reads it.
 */
public final class TrainingProgress {
    private static final int MAX_LINE = 1 << 20;
    private static final Pattern EVAL_PROGRESS = Pattern.compile("eval: (\\d+) / (\\d+) records.*");

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private final long startNanos = System.nanoTime();
    private long total = -1;
    private long step = -1;
    private long firstStep = -1;
    private long firstStepNanos;
    private long lastStepNanos;
    private double loss = Double.NaN;
    private boolean evaluating;
    private String evalProgress;
    private boolean training;
    private int malformed;
    private String error;
    private FinishedEvent finished;
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();

    public synchronized void stdout(String chunk) {
        feed(out, chunk, this::line);
    }

    public synchronized void stderr(String chunk) {
        feed(err, chunk, this::errLine);
    }

    private static void feed(StringBuilder buffer, String chunk, Consumer<String> lines) {
        if (chunk == null) {
            return;
        }
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c == '\n') {
                lines.accept(buffer.toString());
                buffer.setLength(0);
            } else if (buffer.length() < MAX_LINE) {
                buffer.append(c);
            }
        }
    }

    /** One stdout line; public for tests. */
    public synchronized void line(String line) {
        String s = line.strip();
        if (!s.startsWith("{")) {
            return;
        }
        RunEvent event;
        try {
            event = RunEventCodec.decode(s);
        } catch (RuntimeException e) {
            malformed++;
            return;
        }
        long now = System.nanoTime();
        switch (event) {
            case StartedEvent e -> {
                training = true; // an evaluation alone has no started event
                if (e.totalSteps() != null && e.totalSteps() > 0) {
                    total = e.totalSteps();
                }
            }
            case StepEvent e -> {
                if (firstStep < 0) {
                    firstStep = e.step();
                    firstStepNanos = now;
                }
                step = e.step();
                lastStepNanos = now;
                loss = e.loss();
            }
            case EvalEvent e -> evaluating = false;
            case FinishedEvent e -> {
                finished = e;
                evaluating = e.status() == RunStatus.COMPLETED;
            }
            case ErrorEvent e -> error = e.message();
            default -> {
                // messages, checkpoints, unknown events: nothing to show in the progress
            }
        }
    }

    private void errLine(String line) {
        Matcher m = EVAL_PROGRESS.matcher(line);
        if (m.matches() && training) {
            evalProgress = m.group(1) + " / " + m.group(2) + " records"; // the evaluation after training
        } else if (m.matches()) {
            try {
                step = Long.parseLong(m.group(1));
                total = Long.parseLong(m.group(2));
            } catch (NumberFormatException e) {
                // ignore
            }
        }
        if (!line.isBlank()) {
            stderrTail.addLast(line.length() > 500 ? line.substring(0, 500) + "..." : line);
            if (stderrTail.size() > 20) {
                stderrTail.removeFirst();
            }
        }
    }

    public synchronized long step() {
        return step;
    }

    public synchronized long totalSteps() {
        return total;
    }

    public synchronized double loss() {
        return loss;
    }

    public synchronized int malformedLines() {
        return malformed;
    }

    /** The message of the trainer's last error event, or null. */
    public synchronized String error() {
        return error;
    }

    public synchronized FinishedEvent finished() {
        return finished;
    }

    /** The last lines of stderr, oldest first. */
    public synchronized List<String> stderrTail() {
        return List.copyOf(stderrTail);
    }

    /** Done as a fraction from 0 to 1; -1 while unknown. */
    public synchronized double fraction() {
        if (total <= 0 || step < 0) {
            return -1;
        }
        return Math.min(1.0, (double) step / total);
    }

    /** Estimated time left, from the pace of the steps seen so far; null while unknown. */
    public synchronized Duration eta() {
        if (total <= 0 || firstStep < 0 || step <= firstStep) {
            return null;
        }
        double perStep = (double) (lastStepNanos - firstStepNanos) / (step - firstStep);
        long left = Math.max(0, total - step);
        return Duration.ofNanos((long) (perStep * left));
    }

    /** The progress line: {@code step 12/300 - loss 1.2345 - ETA 4 min 10 s}. */
    public synchronized String describe() {
        if (finished != null && evaluating) {
            return "evaluating the tuned model" + (evalProgress == null ? "" : " (" + evalProgress + ")");
        }
        if (step < 0) {
            Duration d = Duration.ofNanos(System.nanoTime() - startNanos);
            return "starting (" + format(d) + ")";
        }
        StringBuilder b = new StringBuilder("step ").append(step);
        if (total > 0) {
            b.append('/').append(total);
        }
        if (!Double.isNaN(loss)) {
            b.append(String.format(Locale.ROOT, " - loss %.4f", loss));
        }
        Duration eta = eta();
        if (eta != null) {
            b.append(" - ETA ").append(format(eta));
        }
        return b.toString();
    }

    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
