package org.reasonlab.core.traces;

import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import org.reasonlab.core.io.GsonMessages;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.core.io.Utf8Lines;

/**
 * Reads a JSON Lines traces file: one object per line with {@code "id"} (text or a number) and {@code "trace"}
 * (or {@code "reason"}, see {@link TraceFields#TRACE}); other fields are ignored, blank lines skipped. Each line is
 * strict JSON, as in a dataset.
 */
final class JsonlTraceReader {
    private static final TypeAdapter<JsonElement> JSON = new Gson().getAdapter(JsonElement.class);
    private static final Pattern GSON_COLUMN = Pattern.compile(" column (\\d+)");

    private JsonlTraceReader() {
    }

    static TraceFile read(Path file) throws IOException {
        List<Trace> traces = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        for (Utf8Lines.Line line : Utf8Lines.read(file)) {
            if (line.blank()) {
                continue;
            }
            try {
                traces.add(trace(line));
            } catch (LineProblem p) {
                problems.add(new ParseProblem(file, line.number(), p.column, p.getMessage()));
            }
        }
        return new TraceFile(file, traces, problems);
    }

    private static Trace trace(Utf8Lines.Line line) throws LineProblem {
        if (line.text() == null) {
            throw new LineProblem(line.problem(), 1);
        }
        String text = line.number() == 1 && line.text().startsWith("\uFEFF") ? line.text().substring(1) : line.text();
        JsonElement element = parse(text);
        if (!element.isJsonObject()) {
            throw new LineProblem("expected a JSON object with \"id\" and \"trace\"", 1);
        }
        JsonObject object = element.getAsJsonObject();
        String id = id(object);
        String traceField = TraceFields.TRACE.stream().filter(f -> present(object, f)).findFirst()
                .orElseThrow(() -> new LineProblem("no \"trace\" (or \"reason\") field", 1));
        JsonElement trace = object.get(traceField);
        if (!trace.isJsonPrimitive() || !trace.getAsJsonPrimitive().isString()) {
            throw new LineProblem("\"" + traceField + "\" must be text", 1);
        }
        if (trace.getAsString().isBlank()) {
            throw new LineProblem("the trace is empty", 1);
        }
        return new Trace(id, trace.getAsString(), line.number());
    }

    private static JsonElement parse(String text) throws LineProblem {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        try {
            JsonElement element = JSON.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new LineProblem("invalid JSON: unexpected text after the JSON value", 1);
            }
            return element;
        } catch (EOFException e) {
            throw new LineProblem("invalid JSON: the line ends before the object is complete (truncated line?)",
                    column(e.getMessage()));
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new LineProblem("invalid JSON: " + GsonMessages.describe(e.getMessage()), column(e.getMessage()));
        }
    }

    private static String id(JsonObject object) throws LineProblem {
        if (!present(object, TraceFields.ID)) {
            throw new LineProblem("no \"id\" field; it names the dataset record the trace belongs to", 1);
        }
        JsonElement id = object.get(TraceFields.ID);
        if (!id.isJsonPrimitive() || id.getAsJsonPrimitive().isBoolean()) {
            throw new LineProblem("\"id\" must be text or a number", 1);
        }
        // a number keeps its text as written (Gson reads it lazily), so 7 matches a record with id "7"
        String text = id.getAsString();
        if (text.isEmpty()) {
            throw new LineProblem("the id is empty; it names the dataset record the trace belongs to", 1);
        }
        return text;
    }

    private static boolean present(JsonObject object, String field) {
        return object.has(field) && !object.get(field).isJsonNull();
    }

    private static int column(String gsonMessage) {
        Matcher m = gsonMessage == null ? null : GSON_COLUMN.matcher(gsonMessage);
        return m != null && m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** Why a line gives no trace; thrown on bad input only, so without a stack trace. */
    private static final class LineProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final int column;

        LineProblem(String message, int column) {
            super(message, null, false, false);
            this.column = column;
        }
    }
}
