package org.reasonlab.core.run;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Reading and writing the JSON fields of run files, with messages that name the field; numbers through
 * {@link JsonNumbers}.
 */
final class Json {
    /** One line per value, no HTML escaping: statements keep their apostrophes readable. */
    static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting().create();

    private Json() {
    }

    static JsonElement number(Double value) {
        return JsonNumbers.toJson(value);
    }

    static JsonElement text(String value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
    }

    static boolean present(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e != null && !e.isJsonNull();
    }

    static String string(JsonObject o, String field) {
        if (!present(o, field)) {
            return null;
        }
        JsonElement e = o.get(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(field + " must be text");
        }
        return e.getAsString();
    }

    static String requiredString(JsonObject o, String field) {
        String s = string(o, field);
        if (s == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return s;
    }

    static Double optionalDouble(JsonObject o, String field) {
        return JsonNumbers.read(o, field);
    }

    static double requiredDouble(JsonObject o, String field) {
        Double d = optionalDouble(o, field);
        if (d == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return d;
    }

    static Long optionalLong(JsonObject o, String field) {
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

    static long requiredLong(JsonObject o, String field) {
        Long l = optionalLong(o, field);
        if (l == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return l;
    }

    static Integer optionalInt(JsonObject o, String field) {
        Long l = optionalLong(o, field);
        if (l == null) {
            return null;
        }
        if (l != l.intValue()) {
            throw new IllegalArgumentException(field + " is too large");
        }
        return l.intValue();
    }

    static Boolean optionalBoolean(JsonObject o, String field) {
        if (!present(o, field)) {
            return null;
        }
        JsonElement e = o.get(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return e.getAsBoolean();
    }

    static JsonObject optionalObject(JsonObject o, String field) {
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
    static Instant instant(String text, String field) {
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
