package org.reasonlab.core.run.group;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.run.JsonFields;

/**
 * {@code <name>.group.json}: a run group beside its runs.
 *
 * <pre>
 * {"format": "reasonlab-run-group/1", "origin": "sweep", "created": "2026-12-06T10:00:00Z",
 *  "members": ["sample-l-seed1-20261206-100000", "sample-lr-seed1-20261206-100000"]}
 * </pre>
 *
 * Members are run folders relative to the file's folder ({@code /} separators; absolute paths are allowed). Written
 * atomically. Errors name the file and the field.
 */
public final class RunGroupFile {
    public static final String SUFFIX = ".group.json";
    public static final String FORMAT = "reasonlab-run-group/1";

    private RunGroupFile() {
    }

    public static boolean isGroupFile(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(SUFFIX)
                && file.getFileName().toString().length() > SUFFIX.length();
    }

    /** The group name of a group file: its name without {@link #SUFFIX}. */
    public static String nameOf(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.length() - SUFFIX.length());
    }

    /** @throws IOException naming the file and what is wrong when it cannot be read or is not a run group */
    public static RunGroup read(Path file) throws IOException {
        if (!isGroupFile(file)) {
            throw new IOException(file + ": a run group file's name ends in " + SUFFIX);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text", e);
        }
        try {
            JsonObject o = JsonFields.parseFormatted(text, FORMAT);
            RunGroup.Origin origin = RunGroup.Origin.parse(JsonFields.requiredString(o, "origin"));
            var created = JsonFields.instant(JsonFields.requiredString(o, "created"), "created");
            if (!o.has("members") || !o.get("members").isJsonArray()) {
                throw new IllegalArgumentException("members: a list of run folders is required");
            }
            Set<String> seen = new LinkedHashSet<>();
            List<Path> members = new ArrayList<>();
            int i = 0;
            for (JsonElement m : o.getAsJsonArray("members")) {
                if (!m.isJsonPrimitive() || !m.getAsJsonPrimitive().isString() || m.getAsString().isBlank()) {
                    throw new IllegalArgumentException("members[" + i + "]: a run folder path is required");
                }
                if (!seen.add(m.getAsString())) {
                    throw new IllegalArgumentException("members[" + i + "]: '" + m.getAsString() + "' is listed twice");
                }
                members.add(Path.of(m.getAsString()));
                i++;
            }
            if (members.isEmpty()) {
                throw new IllegalArgumentException("members: a group needs at least one run folder");
            }
            return RunGroup.of(file.toAbsolutePath().normalize().getParent(), nameOf(file), origin, created, members);
        } catch (IllegalArgumentException ex) {
            throw new IOException(file + ": " + ex.getMessage(), ex);
        }
    }

    /** Writes the group to its file atomically, members relative to the file's folder where they lie below it. */
    public static void write(RunGroup group) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("origin", group.origin().id());
        o.addProperty("created", group.created().toString());
        JsonArray members = new JsonArray();
        Path dir = group.folder();
        for (Path m : group.members()) {
            Path abs = m.toAbsolutePath().normalize();
            String text = abs.startsWith(dir) ? dir.relativize(abs).toString() : abs.toString();
            members.add(text.replace(java.io.File.separatorChar, '/'));
        }
        o.add("members", members);
        byte[] bytes = (JsonFields.PRETTY.toJson(o) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(dir);
        AtomicFiles.write(group.file(), out -> out.write(bytes));
    }

    /** The group files directly in {@code folder}, sorted by name; none when it is not a folder. */
    public static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var s = Files.list(folder)) {
            return s.filter(p -> isGroupFile(p) && Files.isRegularFile(p)).sorted().toList();
        }
    }
}
