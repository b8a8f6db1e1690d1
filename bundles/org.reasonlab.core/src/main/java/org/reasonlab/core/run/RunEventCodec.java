package org.reasonlab.core.run;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

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
                o.add("runId", Json.text(e.runId()));
                o.add("mode", Json.text(e.mode()));
                o.add("model", Json.text(e.model()));
                o.add("tuning", Json.text(e.tuning()));
                o.addProperty("trainExamples", e.trainExamples());
                o.addProperty("evalExamples", e.evalExamples());
                o.addProperty("totalSteps", e.totalSteps());
                o.add("environment", e.environment().toJson());
            }
            case StepEvent e -> {
                o.addProperty("step", e.step());
                o.addProperty("epoch", e.epoch());
                o.add("loss", Json.number(e.loss()));
                o.add("learningRate", Json.number(e.learningRate()));
                o.add("tokensPerSecond", Json.number(e.tokensPerSecond()));
                o.add("gradNorm", Json.number(e.gradNorm()));
            }
            case EvalEvent e -> {
                o.addProperty("step", e.step());
                JsonObject metrics = new JsonObject();
                e.metrics().forEach((k, v) -> metrics.add(k, Json.number(v)));
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
                o.add("durationSeconds", Json.number(e.durationSeconds()));
            }
            case ErrorEvent e -> {
                o.addProperty("message", e.message());
                o.add("detail", Json.text(e.detail()));
            }
            case UnknownEvent e -> throw new AssertionError(e);
        }
        return Json.COMPACT.toJson(o);
    }

    /**
     * Reads one line. A JSON object of an unknown type, or of a known type with fields missing or
     * of the wrong type, becomes an {@link UnknownEvent}.
     *
     * @throws IllegalArgumentException when the line is not a JSON object at all (e.g. cut off)
     */
    public static RunEvent decode(String line) {
        JsonElement element;
        try {
            element = JsonParser.parseString(line);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (element == null || !element.isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonObject o = element.getAsJsonObject();
        String type = null;
        Instant time = null;
        try {
            type = Json.requiredString(o, "type");
            time = Json.instant(Json.requiredString(o, "time"), "time");
            return decode(type, time, o);
        } catch (IllegalArgumentException e) {
            return new UnknownEvent(time, type, line.strip(), e.getMessage());
        }
    }

    private static RunEvent decode(String type, Instant time, JsonObject o) {
        return switch (type) {
            case StartedEvent.TYPE -> {
                JsonObject env = Json.optionalObject(o, "environment");
                yield new StartedEvent(time, Json.string(o, "runId"), Json.string(o, "mode"), Json.string(o, "model"),
                        Json.string(o, "tuning"), Json.optionalInt(o, "trainExamples"),
                        Json.optionalInt(o, "evalExamples"), Json.optionalInt(o, "totalSteps"),
                        env == null ? new RunEnvironment(null, null, null, null, 0) : RunEnvironment.fromJson(env));
            }
            case StepEvent.TYPE -> new StepEvent(time, Json.requiredLong(o, "step"),
                    Json.optionalInt(o, "epoch") == null ? 0 : Json.optionalInt(o, "epoch"),
                    Json.requiredDouble(o, "loss"), orNaN(Json.optionalDouble(o, "learningRate")),
                    Json.optionalDouble(o, "tokensPerSecond"), Json.optionalDouble(o, "gradNorm"));
            case EvalEvent.TYPE -> {
                JsonObject metrics = Json.optionalObject(o, "metrics");
                Map<String, Double> map = new LinkedHashMap<>();
                if (metrics != null) {
                    for (String key : metrics.keySet()) {
                        Double value = Json.optionalDouble(metrics, key);
                        map.put(key, value == null ? Double.NaN : value);
                    }
                }
                yield new EvalEvent(time, Json.requiredLong(o, "step"), map);
            }
            case CheckpointEvent.TYPE -> new CheckpointEvent(time, Json.requiredLong(o, "step"),
                    Json.requiredString(o, "path"));
            case MessageEvent.TYPE -> new MessageEvent(time, MessageEvent.Level.parse(Json.string(o, "level")),
                    Json.requiredString(o, "text"));
            case FinishedEvent.TYPE -> {
                String status = Json.requiredString(o, "status");
                RunStatus parsed = RunStatus.parse(status).filter(RunStatus::isFinal).orElseThrow(
                        () -> new IllegalArgumentException("status must be completed, cancelled or failed"));
                yield new FinishedEvent(time, parsed, orNaN(Json.optionalDouble(o, "durationSeconds")));
            }
            case ErrorEvent.TYPE -> new ErrorEvent(time, Json.requiredString(o, "message"), Json.string(o, "detail"));
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
        };
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }
}
