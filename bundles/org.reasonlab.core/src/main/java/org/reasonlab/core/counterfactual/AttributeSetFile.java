package org.reasonlab.core.counterfactual;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.run.JsonFields;

/**
 * An attribute set as JSON (docs/counterfactuals.md):
 *
 * <pre>
 * {"format": "reasonlab-attributes/1", "name": "gender", "description": "...",
 *  "values": ["male", "female"],
 *  "terms": [["he", "she"], ["him", "her"], ["his", "her"]]}
 * </pre>
 *
 * Errors name the file (or {@code builtin:NAME}) and the field.
 */
public final class AttributeSetFile {
    public static final String FORMAT = "reasonlab-attributes/1";

    private AttributeSetFile() {
    }

    /** @throws IOException naming the file and what is wrong */
    public static AttributeSet read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text", e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException naming the field when the text is not an attribute set */
    public static AttributeSet parse(String text) {
        JsonObject o = JsonFields.parseFormatted(text, FORMAT);
        List<String> values = strings(o.get("values"), "values");
        JsonElement termsElement = o.get("terms");
        if (termsElement == null || !termsElement.isJsonArray()) {
            throw new IllegalArgumentException("terms: a list of rows is required");
        }
        List<List<String>> terms = new ArrayList<>();
        int i = 0;
        for (JsonElement row : termsElement.getAsJsonArray()) {
            terms.add(strings(row, "terms[" + i + "]"));
            i++;
        }
        return new AttributeSet(JsonFields.requiredString(o, "name"), JsonFields.string(o, "description"), values,
                terms);
    }

    private static List<String> strings(JsonElement e, String field) {
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException(field + ": a list of words is required");
        }
        List<String> out = new ArrayList<>();
        for (JsonElement s : e.getAsJsonArray()) {
            if (!s.isJsonPrimitive() || !s.getAsJsonPrimitive().isString()) {
                throw new IllegalArgumentException(field + ": words must be strings, got " + s);
            }
            out.add(s.getAsString());
        }
        return out;
    }

    /** The set as JSON, one row of terms per line. */
    public static String format(AttributeSet set) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"format\": ").append(JsonFields.toLine(JsonFields.text(FORMAT))).append(",\n");
        sb.append("  \"name\": ").append(JsonFields.toLine(JsonFields.text(set.name()))).append(",\n");
        sb.append("  \"description\": ").append(JsonFields.toLine(JsonFields.text(set.description()))).append(",\n");
        sb.append("  \"values\": ").append(JsonFields.toLine(array(set.values()))).append(",\n");
        sb.append("  \"terms\": [\n");
        for (int i = 0; i < set.terms().size(); i++) {
            sb.append("    ").append(JsonFields.toLine(array(set.terms().get(i))))
                    .append(i + 1 < set.terms().size() ? ",\n" : "\n");
        }
        sb.append("  ]\n}\n");
        return sb.toString();
    }

    private static JsonArray array(List<String> words) {
        JsonArray a = new JsonArray();
        words.forEach(a::add);
        return a;
    }

    /** Writes the set atomically. */
    public static void write(AttributeSet set, Path file) throws IOException {
        byte[] bytes = format(set).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
