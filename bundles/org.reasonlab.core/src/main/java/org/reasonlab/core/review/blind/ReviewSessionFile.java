package org.reasonlab.core.review.blind;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.run.JsonFields;

/**
 * {@code <name>.review-session.json}: a blinded review session, written once when it is created
 * ({@link ReviewSession#create}) and only read afterwards; the verdicts go to the runs' {@code reviews.jsonl}.
 *
 * <pre>
 * {
 *   "format": "reasonlab-review-session/1",
 *   "id": "0b6f3c1e-5d7a-4f7e-9a51-2f1c3f0b8d11",
 *   "created": "2026-12-06T10:00:00Z",
 *   "seed": 42,
 *   "hidePredictedLabel": false,
 *   "perRunLimit": 50,
 *   "runs": [
 *     {"folder": "runs/sample-l", "predictionsSha256": "9f86d0…"},
 *     {"folder": "runs/sample-lr", "predictionsSha256": "60303a…"}
 *   ],
 *   "items": [
 *     {"run": 1, "key": "dfar-0042"},
 *     {"run": 0, "key": "dfar-0007"}
 *   ]
 * }
 * </pre>
 *
 * <ul>
 * <li>{@code id}: the session's id, written into the {@code session} field of every verdict given in it.</li>
 * <li>{@code seed}, {@code perRunLimit} (absent: every prediction with a generated reason): how the items were
 * chosen and ordered, recorded so that the order can be reproduced ({@link ReviewSession#create}).</li>
 * <li>{@code runs[].folder}: the run folder relative to the session file's folder with {@code /} separators (an
 * absolute path where no relative one exists); {@code predictionsSha256}: the SHA-256 of its
 * {@code predictions.jsonl} when the session was created, so that a re-evaluated run is noticed (optional).</li>
 * <li>{@code items}: in the shuffled order the reviewer sees them; {@code run} is a 0-based index into
 * {@code runs}, {@code key} the prediction's key ({@link org.reasonlab.core.review.ReviewSet#keyOf}). A
 * (run, key) pair occurs once.</li>
 * </ul>
 *
 * Written atomically ({@link AtomicFiles}), one run and one item per line. Errors name the file and the field, e.g.
 * {@code s.review-session.json: items[3].run: 2 is not a run (runs has 2)}; a JSON syntax error names the line and
 * column.
 */
public final class ReviewSessionFile {
    public static final String SUFFIX = ".review-session.json";
    public static final String FORMAT = "reasonlab-review-session/1";

    private ReviewSessionFile() {
    }

    /**
     * A run of the session.
     *
     * @param folder as written: relative to the session file's folder with {@code /}, or absolute
     * @param predictionsSha256 lower-case hex SHA-256 of its {@code predictions.jsonl} at creation, null when not
     *        recorded
     */
    public record Run(String folder, String predictionsSha256) {
        public Run {
            Objects.requireNonNull(folder, "folder");
        }
    }

    /**
     * One item: a prediction of one run.
     *
     * @param run index into {@link Content#runs()}
     * @param key the prediction's key ({@link org.reasonlab.core.review.ReviewSet#keyOf})
     */
    public record Item(int run, String key) {
        public Item {
            Objects.requireNonNull(key, "key");
        }
    }

    /** The file's content; {@code perRunLimit} is null when every prediction with a reason was taken. */
    public record Content(String id, Instant created, long seed, boolean hidePredictedLabel, Integer perRunLimit,
            List<Run> runs, List<Item> items) {
        public Content {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(created, "created");
            runs = List.copyOf(runs);
            items = List.copyOf(items);
        }
    }

    public static boolean isSessionFile(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(SUFFIX) && name.toString().length() > SUFFIX.length();
    }

    /** The session's name: the file name without {@link #SUFFIX}. */
    public static String nameOf(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.length() - SUFFIX.length());
    }

    /** The session files directly in {@code folder}, sorted by name; none when it is not a folder. */
    public static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var s = Files.list(folder)) {
            return s.filter(p -> isSessionFile(p) && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /**
     * How a run folder is written in the file: relative to {@code sessionFolder} with {@code /}, or absolute when
     * there is no relative path (another drive).
     */
    public static String folderText(Path sessionFolder, Path runFolder) {
        Path abs = runFolder.toAbsolutePath().normalize();
        Path base = sessionFolder.toAbsolutePath().normalize();
        String text;
        try {
            text = base.relativize(abs).toString();
            if (text.isEmpty()) {
                text = ".";
            }
        } catch (IllegalArgumentException otherRoot) {
            text = abs.toString();
        }
        return text.replace(File.separatorChar, '/');
    }

    /** The run folder a {@link Run#folder()} names, for a session file in {@code sessionFolder}. */
    public static Path resolve(Path sessionFolder, String folder) {
        return sessionFolder.toAbsolutePath().resolve(folder).normalize();
    }

    /** @throws IOException naming the file and the field when it cannot be read or is not a review session */
    public static Content read(Path file) throws IOException {
        if (!isSessionFile(file)) {
            throw new IOException(file + ": a review session file's name ends in " + SUFFIX);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return parse(text);
        } catch (IllegalArgumentException ex) {
            throw new IOException(file + ": " + ex.getMessage(), ex);
        }
    }

    /** @throws IllegalArgumentException naming the field when the text is not a review session */
    public static Content parse(String text) {
        JsonObject o = JsonFields.parseFormatted(text, FORMAT);
        String id = JsonFields.requiredString(o, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        Instant created = JsonFields.instant(JsonFields.requiredString(o, "created"), "created");
        long seed = JsonFields.requiredLong(o, "seed");
        Boolean hide = JsonFields.optionalBoolean(o, "hidePredictedLabel");
        Integer limit = JsonFields.optionalInt(o, "perRunLimit");
        if (limit != null && limit <= 0) {
            throw new IllegalArgumentException("perRunLimit must be positive, not " + limit);
        }
        List<Run> runs = new ArrayList<>();
        Set<String> folders = new HashSet<>();
        JsonArray runArray = array(o, "runs");
        if (runArray.isEmpty()) {
            throw new IllegalArgumentException("runs must list at least one run");
        }
        for (int i = 0; i < runArray.size(); i++) {
            String field = "runs[" + i + "]";
            JsonObject r = object(runArray.get(i), field);
            try {
                String folder = JsonFields.requiredString(r, "folder");
                if (folder.isBlank()) {
                    throw new IllegalArgumentException("folder must not be blank");
                }
                if (!folders.add(folder)) {
                    throw new IllegalArgumentException("folder: '" + folder + "' is listed twice");
                }
                runs.add(new Run(folder, JsonFields.string(r, "predictionsSha256")));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(field + "." + ex.getMessage(), ex);
            }
        }
        List<Item> items = new ArrayList<>();
        Set<Item> seen = new HashSet<>();
        JsonArray itemArray = array(o, "items");
        for (int i = 0; i < itemArray.size(); i++) {
            String field = "items[" + i + "]";
            JsonObject it = object(itemArray.get(i), field);
            Item item;
            try {
                Integer run = JsonFields.optionalInt(it, "run");
                if (run == null) {
                    throw new IllegalArgumentException("run is missing");
                }
                if (run < 0 || run >= runs.size()) {
                    throw new IllegalArgumentException("run: " + run + " is not a run (runs has " + runs.size() + ")");
                }
                item = new Item(run, JsonFields.requiredString(it, "key"));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(field + "." + ex.getMessage(), ex);
            }
            if (!seen.add(item)) {
                throw new IllegalArgumentException(field + ": run " + item.run() + ", key '" + item.key()
                        + "' is listed twice");
            }
            items.add(item);
        }
        return new Content(id, created, seed, Boolean.TRUE.equals(hide), limit, runs, items);
    }

    private static JsonArray array(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException(field + " must be a list");
        }
        return e.getAsJsonArray();
    }

    private static JsonObject object(JsonElement e, String field) {
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException(field + " must be an object");
        }
        return e.getAsJsonObject();
    }

    /** The file's text: the header fields one per line, then one run and one item per line. */
    public static String format(Content c) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"format\": ").append(json(FORMAT)).append(",\n");
        sb.append("  \"id\": ").append(json(c.id())).append(",\n");
        sb.append("  \"created\": ").append(json(c.created().toString())).append(",\n");
        sb.append("  \"seed\": ").append(c.seed()).append(",\n");
        sb.append("  \"hidePredictedLabel\": ").append(c.hidePredictedLabel()).append(",\n");
        if (c.perRunLimit() != null) {
            sb.append("  \"perRunLimit\": ").append(c.perRunLimit()).append(",\n");
        }
        sb.append("  \"runs\": [");
        for (int i = 0; i < c.runs().size(); i++) {
            Run r = c.runs().get(i);
            JsonObject o = new JsonObject();
            o.addProperty("folder", r.folder());
            if (r.predictionsSha256() != null) {
                o.addProperty("predictionsSha256", r.predictionsSha256());
            }
            sb.append(i == 0 ? "\n" : ",\n").append("    ").append(JsonFields.toLine(o));
        }
        sb.append(c.runs().isEmpty() ? "],\n" : "\n  ],\n");
        sb.append("  \"items\": [");
        for (int i = 0; i < c.items().size(); i++) {
            Item it = c.items().get(i);
            JsonObject o = new JsonObject();
            o.addProperty("run", it.run());
            o.addProperty("key", it.key());
            sb.append(i == 0 ? "\n" : ",\n").append("    ").append(JsonFields.toLine(o));
        }
        sb.append(c.items().isEmpty() ? "]\n" : "\n  ]\n");
        return sb.append("}\n").toString();
    }

    private static String json(String text) {
        return JsonFields.toLine(new JsonPrimitive(text));
    }

    /** Writes the session atomically (a temporary file in the same folder, then a rename). */
    public static void write(Path file, Content content) throws IOException {
        byte[] bytes = format(content).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
