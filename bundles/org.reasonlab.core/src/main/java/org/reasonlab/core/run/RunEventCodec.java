package org.reasonlab.core.run;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonObject;

/**
 * One {@link RunEvent} per line of JSON: {@code "type"} and {@code "time"} first, then the kind's
 * fields (see {@code docs/run-directory.md}). Optional fields that are unknown are written as
 * null; non-finite numbers as {@code "NaN"} / {@code "Infinity"} / {@code "-Infinity"}.
 */
public final class RunEventCodec {

    private RunEventCodec() {
    }

    /** The event as one line of JSON, without a line separator; an {@link UnknownEvent} as it was read. */
    public static String encode(RunEvent event) {
        if (event instanceof UnknownEvent u) {
            return u.json();
        }
        JsonObject o = new JsonObject();
        o.addProperty("type", event.type());
        o.addProperty("time", event.time().toString());
        switch (event) {
            case StartedEvent e -> {
                o.add("runId", JsonFields.text(e.runId()));
                o.add("mode", JsonFields.text(e.mode()));
                o.add("model", JsonFields.text(e.model()));
                o.add("tuning", JsonFields.text(e.tuning()));
                o.addProperty("trainExamples", e.trainExamples());
                o.addProperty("evalExamples", e.evalExamples());
                o.addProperty("totalSteps", e.totalSteps());
                o.add("environment", e.environment().toJson());
            }
            case StepEvent e -> {
                o.addProperty("step", e.step());
                o.addProperty("epoch", e.epoch());
                o.add("loss", JsonFields.number(e.loss()));
                o.add("learningRate", JsonFields.number(e.learningRate()));
                o.add("tokensPerSecond", JsonFields.number(e.tokensPerSecond()));
                o.add("gradNorm", JsonFields.number(e.gradNorm()));
            }
            case EvalEvent e -> {
                o.addProperty("step", e.step());
                JsonObject metrics = new JsonObject();
                e.metrics().forEach((k, v) -> metrics.add(k, JsonFields.number(v)));
                o.add("metrics", metrics);
            }
            case CheckpointEvent e -> {
                o.addProperty("step", e.step());
                o.addProperty("path", e.path());
            }
            case MessageEvent e -> {
                o.addProperty("level", e.level().id());
                o.addProperty("text", e.text());
            }
            case FinishedEvent e -> {
                o.addProperty("status", e.status().id());
                o.add("durationSeconds", JsonFields.number(e.durationSeconds()));
            }
            case ErrorEvent e -> {
                o.addProperty("message", e.message());
                o.add("detail", JsonFields.text(e.detail()));
            }
            case UnknownEvent e -> throw new AssertionError(e);
        }
        return JsonFields.toLine(o);
    }

    /**
     * Reads one line. A JSON object of an unknown type, or of a known type with fields missing or
     * of the wrong type, becomes an {@link UnknownEvent}.
     *
     * @throws IllegalArgumentException when the line is not a JSON object at all (e.g. cut off)
     */
    public static RunEvent decode(String line) {
        JsonObject o = JsonFields.parseObject(line);
        String type = null;
        Instant time = null;
        try {
            type = JsonFields.requiredString(o, "type");
            time = JsonFields.instant(JsonFields.requiredString(o, "time"), "time");
            return decode(type, time, o);
        } catch (IllegalArgumentException e) {
            return new UnknownEvent(time, type, line.strip(), e.getMessage());
        }
    }

    private static RunEvent decode(String type, Instant time, JsonObject o) {
        return switch (type) {
            case StartedEvent.TYPE -> {
                JsonObject env = JsonFields.optionalObject(o, "environment");
                yield new StartedEvent(time, JsonFields.string(o, "runId"), JsonFields.string(o, "mode"), JsonFields.string(o, "model"),
                        JsonFields.string(o, "tuning"), JsonFields.optionalInt(o, "trainExamples"),
                        JsonFields.optionalInt(o, "evalExamples"), JsonFields.optionalInt(o, "totalSteps"),
                        env == null ? new RunEnvironment(null, null, null, null, 0) : RunEnvironment.fromJson(env));
            }
            case StepEvent.TYPE -> new StepEvent(time, JsonFields.requiredLong(o, "step"),
                    JsonFields.optionalInt(o, "epoch") == null ? 0 : JsonFields.optionalInt(o, "epoch"),
                    JsonFields.requiredDouble(o, "loss"), orNaN(JsonFields.optionalDouble(o, "learningRate")),
                    JsonFields.optionalDouble(o, "tokensPerSecond"), JsonFields.optionalDouble(o, "gradNorm"));
            case EvalEvent.TYPE -> {
                JsonObject metrics = JsonFields.optionalObject(o, "metrics");
                Map<String, Double> map = new LinkedHashMap<>();
                if (metrics != null) {
                    for (String key : metrics.keySet()) {
                        Double value = JsonFields.optionalDouble(metrics, key);
                        map.put(key, value == null ? Double.NaN : value);
                    }
                }
                yield new EvalEvent(time, JsonFields.requiredLong(o, "step"), map);
            }
            case CheckpointEvent.TYPE -> new CheckpointEvent(time, JsonFields.requiredLong(o, "step"),
                    JsonFields.requiredString(o, "path"));
            case MessageEvent.TYPE -> new MessageEvent(time, MessageEvent.Level.parse(JsonFields.string(o, "level")),
                    JsonFields.requiredString(o, "text"));
            case FinishedEvent.TYPE -> {
                String status = JsonFields.requiredString(o, "status");
                RunStatus parsed = RunStatus.parse(status).filter(RunStatus::isFinal).orElseThrow(
                        () -> new IllegalArgumentException("status must be completed, cancelled or failed"));
                yield new FinishedEvent(time, parsed, orNaN(JsonFields.optionalDouble(o, "durationSeconds")));
            }
            case ErrorEvent.TYPE -> new ErrorEvent(time, JsonFields.requiredString(o, "message"), JsonFields.string(o, "detail"));
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
        };
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }
}
