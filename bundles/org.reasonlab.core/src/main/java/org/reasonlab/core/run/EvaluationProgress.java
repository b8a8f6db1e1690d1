package org.reasonlab.core.run;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far an evaluation has got, as the trainer logs it in an info {@link MessageEvent}
 * ({@code evaluating: 40 / 100 records  ETA 12s}) and the Runs view and run page show it.
 */
public record EvaluationProgress(int done, int total) {
    private static final String PREFIX = "evaluating: ";
    private static final Pattern TEXT = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+) / (\\d+) records.*",
            Pattern.DOTALL);

    /** The message event text, with the time left ({@code eta}, may be empty). */
    public String message(String eta) {
        return PREFIX + records() + (eta == null || eta.isEmpty() ? "" : "  ETA " + eta);
    }

    /** {@code 40 / 100 records}. */
    public String records() {
        return done + " / " + total + " records";
    }

    /** The progress a message text reports, if it is one. */
    public static Optional<EvaluationProgress> parse(String message) {
        Matcher m = message == null ? null : TEXT.matcher(message);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EvaluationProgress(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The progress of an evaluation still going on: the last event, when it reports progress short of the end. */
    public static Optional<EvaluationProgress> current(List<RunEvent> events) {
        if (events.isEmpty() || !(events.get(events.size() - 1) instanceof MessageEvent last)) {
            return Optional.empty();
        }
        return parse(last.text()).filter(p -> p.done() < p.total());
    }
}
