package org.reasonlab.core.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Numbers in run files. Non-finite numbers (a diverged loss) are written as the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"}, which strict JSON parsers accept and Python's {@code float()}
 * reads; every reader of run files reads them back through {@link #read}.
 */
public final class JsonNumbers {
    private JsonNumbers() {
    }

    /** The value as JSON: a number, one of the strings for non-finite values, or JSON null. */
    public static JsonElement toJson(Double value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value.isNaN() || value.isInfinite()) {
            return new JsonPrimitive(value.toString());
        }
        return new JsonPrimitive(value);
    }

    /**
     * The number in a field: null when the field is missing or JSON null.
     *
     * @throws IllegalArgumentException naming the field when it holds anything but a number or one of the
     *         non-finite strings
     */
    public static Double read(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return e.getAsDouble();
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            switch (e.getAsString()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new IllegalArgumentException(field + " must be a number");
    }
}
