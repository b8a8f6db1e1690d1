package org.reasonlab.core.run;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An evaluation was done.
 *
 * @param step the optimizer step it was done after
 * @param metrics metric name to value, in the order given (e.g. {@code accuracy}, {@code macroF1},
 *        {@code rougeL}; see {@code MetricsReport#summary()}); unmodifiable
 */
public record EvalEvent(Instant time, long step, Map<String, Double> metrics) implements RunEvent {
    public static final String TYPE = "eval";

    public EvalEvent {
        Objects.requireNonNull(time, "time");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    @Override
    public String type() {
        return TYPE;
    }
}
