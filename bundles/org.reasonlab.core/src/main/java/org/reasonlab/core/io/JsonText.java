package org.reasonlab.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Compact JSON in ReasonLab's canonical form, the same as Python's
 * {@code json.dumps(obj, ensure_ascii=False, separators=(",", ":"))}: only {@code "}, {@code \}
 * and control characters are escaped, everything else is written as UTF-8.
 */
final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    static void writeString(Utf8Output out, String s) throws IOException {
        out.writeByte('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                i = out.writeChar(s, i);
                continue;
            }
            out.writeByte('\\');
            switch (c) {
                case '"' -> out.writeByte('"');
                case '\\' -> out.writeByte('\\');
                case '\n' -> out.writeByte('n');
                case '\r' -> out.writeByte('r');
                case '\t' -> out.writeByte('t');
                case '\b' -> out.writeByte('b');
                case '\f' -> out.writeByte('f');
                default -> {
                    out.writeByte('u');
                    out.writeByte('0');
                    out.writeByte('0');
                    out.writeByte(HEX[c >> 4]);
                    out.writeByte(HEX[c & 0xF]);
                }
            }
        }
        out.writeByte('"');
    }

    static void writeValue(Utf8Output out, JsonElement value) throws IOException {
        if (value == null || value.isJsonNull()) {
            out.write("null");
        } else if (value instanceof JsonPrimitive p) {
            if (p.isString()) {
                writeString(out, p.getAsString());
            } else if (p.isBoolean()) {
                out.write(p.getAsBoolean() ? "true" : "false");
            } else {
                // Numbers read by Gson keep their source text, so 1.50 stays 1.50.
                out.write(p.getAsNumber().toString());
            }
        } else if (value instanceof JsonArray array) {
            out.writeByte('[');
            boolean first = true;
            for (JsonElement e : array) {
                if (!first) {
                    out.writeByte(',');
                }
                first = false;
                writeValue(out, e);
            }
            out.writeByte(']');
        } else {
            writeObject(out, value.getAsJsonObject());
        }
    }

    static void writeObject(Utf8Output out, JsonObject object) throws IOException {
        out.writeByte('{');
        boolean first = true;
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            if (!first) {
                out.writeByte(',');
            }
            first = false;
            writeString(out, e.getKey());
            out.writeByte(':');
            writeValue(out, e.getValue());
        }
        out.writeByte('}');
    }

    /** The element as compact JSON text. */
    static String toText(JsonElement value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Output out = new Utf8Output(bytes);
        try {
            writeValue(out, value);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
