package org.reasonlab.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import org.reasonlab.core.model.Annotation;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;

/**
 * Parses one JSONL line into a {@link DatasetRecord} with Gson's streaming {@link JsonReader}.
 * Problems that make the line unrepresentable are thrown as {@link LineProblem}; problems with a
 * record that is kept (unknown labels) are collected in {@link #recordProblems()}.
 */
final class JsonlRecordParser {

    private final LabelResolver labels;
    private final Utf8LineReader lineReader = new Utf8LineReader();
    private final List<LineProblem> recordProblems = new ArrayList<>(2);
    private byte[] lineBytes;
    private int lineStart;
    private int lineEnd;

    JsonlRecordParser(LabelResolver labels) {
        this.labels = labels;
    }

    /** Problems with the record last returned by {@link #parse}; empty when none. */
    List<LineProblem> recordProblems() {
        return recordProblems;
    }

    DatasetRecord parse(byte[] bytes, int start, int end) throws LineProblem {
        recordProblems.clear();
        int bad = Utf8.firstInvalidByte(bytes, start, end);
        if (bad >= 0) {
            throw Utf8.invalid(bytes, start, bad, 0);
        }
        lineBytes = bytes;
        lineStart = start;
        lineEnd = end;
        lineReader.reset(bytes, start, end);
        JsonReader reader = new LosslessJsonReader(lineReader, hasUnicodeEscape(bytes, start, end));
        try {
            return readRecord(reader);
        } catch (LosslessJsonReader.LossyValueException e) {
            throw new LineProblem(e.getMessage(), consumedValueColumn(reader));
        } catch (EOFException e) {
            throw new LineProblem("invalid JSON: the line ends before the object is complete (truncated line?)",
                    GsonMessages.column(e.getMessage(), 1));
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new LineProblem("invalid JSON: " + GsonMessages.problem(e.getMessage()), GsonMessages.column(e.getMessage(), 1));
        }
    }

    private DatasetRecord readRecord(JsonReader reader) throws IOException, LineProblem {
        JsonToken first = reader.peek();
        if (first != JsonToken.BEGIN_OBJECT) {
            throw new LineProblem("expected a JSON object, found " + describe(first), valueColumn(reader, first));
        }
        reader.beginObject();
        String id = null;
        String statement = null;
        String label = null;
        String reason = null;
        Split split = null;
        List<Annotation> annotations = List.of();
        JsonObject metadata = null;
        JsonObject extra = null;
        while (reader.hasNext()) {
            String name = reader.nextName();
            switch (name) {
                case "id" -> id = readText(reader, name, true);
                case "statement" -> statement = readText(reader, name, false);
                case "label" -> label = readLabel(reader, "label");
                case "reason" -> reason = readText(reader, name, false);
                case "split" -> split = readSplit(reader);
                case "annotations" -> annotations = readAnnotations(reader);
                case "metadata" -> metadata = readMetadata(reader);
                default -> {
                    if (extra == null) {
                        extra = new JsonObject();
                    }
                    extra.add(name, LosslessJsonReader.JSON_VALUE.read(reader));
                }
            }
        }
        reader.endObject();
        try {
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new LineProblem("unexpected text after the JSON object", column(reader));
            }
        } catch (IOException e) {
            throw new LineProblem("unexpected text after the JSON object", GsonMessages.column(e.getMessage(), 1));
        }
        DatasetRecord record = new DatasetRecord(id, statement, label, reason, split);
        if (!annotations.isEmpty()) {
            record.setAnnotations(annotations);
        }
        record.setMetadata(metadata);
        record.setExtra(extra);
        return record;
    }

    /** A string, or null for JSON null; numbers are accepted as text only where {@code numberAllowed}. */
    private String readText(JsonReader reader, String field, boolean numberAllowed)
            throws IOException, LineProblem {
        JsonToken token = reader.peek();
        if (token == JsonToken.STRING || (numberAllowed && token == JsonToken.NUMBER)) {
            return reader.nextString();
        }
        if (token == JsonToken.NULL) {
            reader.nextNull();
            return null;
        }
        throw wrongType(reader, field, token, numberAllowed ? "a string or a number" : "a string");
    }

    private String readLabel(JsonReader reader, String field) throws IOException, LineProblem {
        String text = readText(reader, field, true);
        if (text == null) {
            return null;
        }
        String canonical = labels.resolve(text);
        if (canonical != null) {
            return canonical;
        }
        recordProblems.add(new LineProblem(labels.unknownLabelMessage(text), consumedValueColumn(reader)));
        return text;
    }

    private Split readSplit(JsonReader reader) throws IOException, LineProblem {
        String text = readText(reader, "split", false);
        if (text == null) {
            return null;
        }
        Split split = Split.parse(text).orElse(null);
        if (split == null) {
            throw new LineProblem("unknown split '" + text + "'; expected one of train, validation, test",
                    consumedValueColumn(reader));
        }
        return split;
    }

    private List<Annotation> readAnnotations(JsonReader reader) throws IOException, LineProblem {
        JsonToken token = reader.peek();
        if (token == JsonToken.NULL) {
            reader.nextNull();
            return List.of();
        }
        if (token != JsonToken.BEGIN_ARRAY) {
            throw wrongType(reader, "annotations", token, "an array");
        }
        List<Annotation> result = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            String where = "annotations[" + result.size() + "]";
            JsonToken element = reader.peek();
            if (element != JsonToken.BEGIN_OBJECT) {
                throw wrongType(reader, where, element, "an object");
            }
            int objectColumn = valueColumn(reader, element);
            reader.beginObject();
            String annotator = null;
            String label = null;
            String reason = null;
            String time = null;
            while (reader.hasNext()) {
                String name = reader.nextName();
                switch (name) {
                    case "annotator" -> annotator = readText(reader, where + ".annotator", true);
                    case "label" -> label = readLabel(reader, where + ".label");
                    case "reason" -> reason = readText(reader, where + ".reason", false);
                    case "time" -> time = readText(reader, where + ".time", false);
                    // An unknown field would be lost on save, so the line is kept verbatim instead.
                    default -> throw new LineProblem(where + ": unknown field '" + name
                            + "'; expected annotator, label, reason, time", column(reader));
                }
            }
            reader.endObject();
            if (annotator == null) {
                throw new LineProblem(where + ": missing 'annotator'", objectColumn);
            }
            result.add(new Annotation(annotator, label, reason, time));
        }
        reader.endArray();
        return result;
    }

    private JsonObject readMetadata(JsonReader reader) throws IOException, LineProblem {
        JsonToken token = reader.peek();
        if (token == JsonToken.NULL) {
            reader.nextNull();
            return null;
        }
        if (token != JsonToken.BEGIN_OBJECT) {
            throw wrongType(reader, "metadata", token, "an object");
        }
        return LosslessJsonReader.JSON_VALUE.read(reader).getAsJsonObject();
    }

    private LineProblem wrongType(JsonReader reader, String field, JsonToken token, String expected)
            throws IOException {
        return new LineProblem("field '" + field + "' must be " + expected + ", found " + describe(token),
                valueColumn(reader, token));
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_ARRAY -> "an array";
            case BEGIN_OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case END_DOCUMENT -> "nothing";
            default -> token.toString();
        };
    }

    /**
     * The 1-based column where the value just peeked starts. Gson's position is after the opening
     * quote or bracket of strings, objects and arrays; numbers and literals must be consumed
     * first (Gson may already have), and their start is then found from their end.
     */
    private int valueColumn(JsonReader reader, JsonToken peeked) throws IOException {
        return switch (peeked) {
            case STRING, BEGIN_ARRAY, BEGIN_OBJECT -> Math.max(1, column(reader) - 1);
            case NUMBER -> {
                reader.nextString();
                yield consumedValueColumn(reader);
            }
            case BOOLEAN -> column(reader) - (reader.nextBoolean() ? 4 : 5);
            case NULL -> {
                reader.nextNull();
                yield column(reader) - 4;
            }
            default -> column(reader);
        };
    }

    /** The 1-based column where the string or number just read starts, found backwards from its end in the line. */
    private int consumedValueColumn(JsonReader reader) {
        int after = column(reader) - 1; // 0-based index just past the value
        String line = new String(lineBytes, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
        int i = Math.min(after, line.length()) - 1;
        if (i < 0) {
            return 1;
        }
        if (line.charAt(i) == '"') {
            for (i--; i >= 0; i--) {
                if (line.charAt(i) == '"' && precedingBackslashes(line, i) % 2 == 0) {
                    return i + 1;
                }
            }
            return 1;
        }
        while (i > 0 && "0123456789+-.eE".indexOf(line.charAt(i - 1)) >= 0) {
            i--;
        }
        return i + 1;
    }

    private static int precedingBackslashes(String line, int index) {
        int n = 0;
        for (int i = index - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n;
    }

    /** Gson exposes its position only in {@link JsonReader#toString()}: "JsonReader at line L column C path P". */
    private static int column(JsonReader reader) {
        return GsonMessages.column(reader.toString(), 1);
    }

    /** Whether the bytes hold a {@code \\u} escape (or a backslash before a {@code u} after an escaped backslash). */
    private static boolean hasUnicodeEscape(byte[] bytes, int start, int end) {
        for (int i = start; i + 1 < end; i++) {
            if (bytes[i] == '\\' && bytes[i + 1] == 'u') {
                return true;
            }
        }
        return false;
    }
}
