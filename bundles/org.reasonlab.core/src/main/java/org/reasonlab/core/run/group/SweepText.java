package org.reasonlab.core.run.group;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.reasonlab.core.prompt.TrainingMode;

/**
 * The comma-separated lists of a sweep as typed on the command line ({@code --seeds 1,2,3}) or in the launch
 * dialog's Target tab: seeds, modes, ratios, lambdas. A blank text is an empty list (the run's own value).
 *
 * @throws IllegalArgumentException (each method) with a sentence naming the list and the bad entry
 */
public final class SweepText {
    private SweepText() {
    }

    public static List<Long> seeds(String text) {
        return parse(text, "Seeds", "whole numbers separated by commas (1,2,3)", Long::valueOf);
    }

    public static List<TrainingMode> modes(String text) {
        return parse(text, "Modes", "l, l+r or r->l separated by commas",
                s -> TrainingMode.parse(s).orElseThrow(IllegalArgumentException::new));
    }

    /** The shares of a mixture's last source ({@link Sweep#ratios()}). */
    public static List<Double> ratios(String text) {
        return parse(text, "Ratios", "numbers from 0 to 1 separated by commas (0.1,0.25,0.5)", SweepText::finite);
    }

    /** Consistency weights ({@link Sweep#lambdas()}). */
    public static List<Double> lambdas(String text) {
        return parse(text, "Lambdas", "numbers of 0 or more separated by commas (0,0.5,1)", SweepText::finite);
    }

    /** A finite number; -0 is 0, so that it cannot name a second run with the same folder as 0. */
    private static Double finite(String text) {
        double d = Double.parseDouble(text);
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(text);
        }
        return d == 0 ? 0.0 : d;
    }

    private static <T> List<T> parse(String text, String what, String form, Function<String, T> parser) {
        List<T> values = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return values;
        }
        for (String part : text.split(",")) {
            String p = part.strip();
            T value;
            try {
                value = parser.apply(p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " must be " + form + ", not '" + p + "'.");
            }
            if (values.contains(value)) {
                throw new IllegalArgumentException(what + " lists " + p + " twice: " + text.strip());
            }
            values.add(value);
        }
        return values;
    }
}
