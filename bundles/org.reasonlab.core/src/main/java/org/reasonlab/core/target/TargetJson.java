package org.reasonlab.core.target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Reads typed fields of a JSON object; a field of the wrong type is an error naming it. */
final class TargetJson {
    private final JsonObject object;
    private final String context;

    TargetJson(JsonObject object, String context) {
        this.object = object;
        this.context = context;
    }

    String string(String field) {
        JsonElement e = object.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw wrong(field, "a string");
        }
        return e.getAsString();
    }

    Integer integer(String field) {
        JsonElement e = object.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw wrong(field, "a whole number");
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw wrong(field, "a whole number");
        }
        return (int) d;
    }

    Long longValue(String field) {
        JsonElement e = object.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw wrong(field, "a whole number");
        }
        return e.getAsLong();
    }

    List<String> strings(String field) {
        JsonElement e = object.get(field);
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        if (!e.isJsonArray()) {
            throw wrong(field, "a list of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                throw wrong(field, "a list of strings");
            }
            list.add(item.getAsString());
        }
        return list;
    }

    Map<String, String> stringMap(String field) {
        JsonElement e = object.get(field);
        if (e == null || e.isJsonNull()) {
            return Map.of();
        }
        if (!e.isJsonObject()) {
            throw wrong(field, "an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
            JsonElement v = entry.getValue();
            if (!v.isJsonPrimitive()) {
                throw wrong(field + "." + entry.getKey(), "a string");
            }
            map.put(entry.getKey(), v.getAsString());
        }
        return map;
    }

    TargetJson object(String field) {
        JsonElement e = object.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonObject()) {
            throw wrong(field, "an object");
        }
        return new TargetJson(e.getAsJsonObject(), context + field + ".");
    }

    private IllegalArgumentException wrong(String field, String expected) {
        return new IllegalArgumentException(context + field + " must be " + expected);
    }

    static void put(JsonObject o, String field, String value) {
        if (value != null) {
            o.addProperty(field, value);
        }
    }

    static void put(JsonObject o, String field, Number value) {
        if (value != null) {
            o.addProperty(field, value);
        }
    }

    static JsonArray array(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(v -> a.add(new JsonPrimitive(v)));
        return a;
    }
}
