package org.reasonlab.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import org.reasonlab.core.model.LabelSchema;

/**
 * The label schema sidecar of a dataset, {@code <name>.labels.json} next to it:
 * <pre>{"labels": [{"name": "ethical", "aliases": ["0"], "verdictTerms": ["ethical"]}, ...]}</pre>
 */
public final class LabelSchemaFile {
    private static final String SUFFIX = ".labels.json";
    private static final TypeAdapter<JsonElement> JSON = new Gson().getAdapter(JsonElement.class);

    private LabelSchemaFile() {
    }

    /** {@code data.jsonl} → {@code data.labels.json} in the same folder. */
    public static Path sidecarFor(Path datasetFile) {
        String name = datasetFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return datasetFile.resolveSibling(base + SUFFIX);
    }

    /** The schema in the sidecar, or empty if there is no such file. */
    public static Optional<LabelSchema> read(Path sidecar) throws IOException {
        if (!Files.exists(sidecar)) {
            return Optional.empty();
        }
        try (Reader in = Files.newBufferedReader(sidecar, StandardCharsets.UTF_8)) {
            JsonReader json = new JsonReader(in);
            json.setStrictness(Strictness.STRICT);
            JsonElement root = JSON.read(json);
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("unexpected text after the JSON object");
            }
            return Optional.of(toSchema(root));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException | MalformedJsonException | EOFException e) {
            String detail = e instanceof CharacterCodingException ? "not UTF-8" : GsonMessages.describe(e.getMessage());
            throw new IOException(sidecar + ": not valid JSON: " + detail, e);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException
                | UnsupportedOperationException | NullPointerException e) {
            String detail = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new IOException(sidecar + ": not a valid label schema: " + detail, e);
        }
    }

    private static LabelSchema toSchema(JsonElement root) {
        if (!root.isJsonObject() || !root.getAsJsonObject().has("labels")
                || !root.getAsJsonObject().get("labels").isJsonArray()) {
            throw new IllegalArgumentException("expected an object with a \"labels\" array");
        }
        List<LabelSchema.Label> labels = new ArrayList<>();
        for (JsonElement e : root.getAsJsonObject().getAsJsonArray("labels")) {
            JsonObject o = e.getAsJsonObject();
            JsonElement name = o.get("name");
            if (name == null || !name.isJsonPrimitive()) {
                throw new IllegalArgumentException("label " + (labels.size() + 1) + " has no \"name\"");
            }
            labels.add(new LabelSchema.Label(name.getAsString(), strings(o, "aliases"), strings(o, "verdictTerms")));
        }
        return new LabelSchema(labels);
    }

    private static List<String> strings(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (JsonElement s : e.getAsJsonArray()) {
            result.add(s.getAsString());
        }
        return result;
    }

    /** Writes the sidecar atomically, pretty-printed for people to edit. */
    public static void write(LabelSchema schema, Path sidecar) throws IOException {
        JsonArray labels = new JsonArray();
        for (LabelSchema.Label label : schema.labels()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", label.name());
            JsonArray aliases = new JsonArray();
            label.aliases().forEach(aliases::add);
            o.add("aliases", aliases);
            JsonArray terms = new JsonArray();
            label.verdictTerms().forEach(terms::add);
            o.add("verdictTerms", terms);
            labels.add(o);
        }
        JsonObject root = new JsonObject();
        root.add("labels", labels);
        String text = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(root) + "\n";
        AtomicFiles.write(sidecar, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
