package org.reasonlab.core.run;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.reasonlab.core.io.GsonMessages;

/**
 * Reading and writing the JSON fields of the files in a run folder (spec, events, predictions, reviews), with
 * messages that name the field; numbers through {@link JsonNumbers}.
 */
public final class JsonFields {
    /** One line per value, no HTML escaping: statements keep their apostrophes readable. */
    public static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    public static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting().create();

    private JsonFields() {
    }

    /**
     * One line of a JSON Lines file as an object.
     *
     * @throws IllegalArgumentException when it is not JSON or not an object
     */
    public static JsonObject parseObject(String line) {
        JsonElement e = parse(line);
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return e.getAsJsonObject();
    }

    /**
     * A JSON object whose {@code format} field names the expected file format, e.g. {@code reasonlab-run-group/1}.
     *
     * @throws IllegalArgumentException when it is not JSON, not an object or of another format
     */
    public static JsonObject parseFormatted(String text, String format) {
        JsonElement e = parse(text);
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonObject o = e.getAsJsonObject();
        String found = requiredString(o, "format");
        if (!format.equals(found)) {
            throw new IllegalArgumentException("format must be " + format + ", not '" + found + "'");
        }
        return o;
    }

    /**
     * A JSON text.
     *
     * @throws IllegalArgumentException when it is not JSON, saying what is wrong and where (not Gson's advice)
     */
    public static JsonElement parse(String text) {
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException ex) {
            throw new IllegalArgumentException("not JSON: " + GsonMessages.describe(ex), ex);
        }
    }

    /**
     * One line of JSON ({@link #COMPACT}). A lone surrogate, which a string holds after reading an escape such as
     * {@code "\\ud800"}, is written as that escape again: UTF-8 has no bytes for it, and encoding would turn it into
     * {@code '?'}.
     */
    public static String toLine(JsonElement value) {
        String json = COMPACT.toJson(value);
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0, n = json.length(); i < n; i++) {
            char c = json.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(json.charAt(i + 1))) {
                out.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c)); // only inside a string, where an escape is valid
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static JsonElement number(Double value) {
        return JsonNumbers.toJson(value);
    }

    public static JsonElement text(String value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
    }

    public static boolean present(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e != null && !e.isJsonNull();
    }

    public static String string(JsonObject o, String field) {
        if (!present(o, field)) {
            return null;
        }
        JsonElement e = o.get(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(field + " must be text");
        }
        return e.getAsString();
    }

    public static String requiredString(JsonObject o, String field) {
        String s = string(o, field);
        if (s == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return s;
    }

    public static Double optionalDouble(JsonObject o, String field) {
        return JsonNumbers.read(o, field);
    }

    public static double requiredDouble(JsonObject o, String field) {
        Double d = optionalDouble(o, field);
        if (d == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return d;
    }

    public static Long optionalLong(JsonObject o, String field) {
        if (!present(o, field)) {
            return null;
        }
        JsonElement e = o.get(field);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            try {
                return e.getAsBigDecimal().longValueExact();
            } catch (ArithmeticException | NumberFormatException notWhole) {
                // falls through to the message
            }
        }
        throw new IllegalArgumentException(field + " must be a whole number");
    }

    public static long requiredLong(JsonObject o, String field) {
        Long l = optionalLong(o, field);
        if (l == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return l;
    }

    public static Integer optionalInt(JsonObject o, String field) {
        Long l = optionalLong(o, field);
        if (l == null) {
            return null;
        }
        if (l != l.intValue()) {
            throw new IllegalArgumentException(field + " is too large");
        }
        return l.intValue();
    }

    public static Boolean optionalBoolean(JsonObject o, String field) {
        if (!present(o, field)) {
            return null;
        }
        JsonElement e = o.get(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return e.getAsBoolean();
    }

    public static JsonObject optionalObject(JsonObject o, String field) {
        if (!present(o, field)) {
            return null;
        }
        JsonElement e = o.get(field);
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException(field + " must be an object");
        }
        return e.getAsJsonObject();
    }

    /** ISO-8601 with Z ({@code Instant.toString()}) or with an offset ({@code +00:00}, as Python writes). */
    public static Instant instant(String text, String field) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(field + " must be an ISO-8601 time, not '" + text + "'");
            }
        }
    }
}
