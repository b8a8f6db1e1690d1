package org.reasonlab.core.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.run.JsonFields;

/**
 * {@code targets.json}: the compute targets the CLI ({@code --targets FILE}, default
 * {@value #DEFAULT_LOCATION}) and the workbench (Preferences > ReasonLab > Compute Targets) share:
 * <pre>{"targets":[{"name":"lab-cluster","kind":"slurm","host":"login.example.edu", ...}]}</pre>
 * The built-in {@code local} target (this machine) is always there and is not written to the file.
 */
public final class ComputeTargets {
    public static final String DEFAULT_LOCATION = "~/.reasonlab/targets.json";

    private final List<ComputeTarget> targets;

    public ComputeTargets(List<ComputeTarget> targets) {
        this.targets = List.copyOf(targets);
    }

    public static Path defaultFile() {
        return ComputeTarget.expandHome(DEFAULT_LOCATION);
    }

    /** The user's targets; none when the file does not exist. */
    public List<ComputeTarget> all() {
        return targets;
    }

    /** The target called {@code name}; {@code local} is always found. */
    public Optional<ComputeTarget> find(String name) {
        if (ComputeTarget.LOCAL_NAME.equals(name)) {
            return Optional.of(ComputeTarget.local());
        }
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(ComputeTarget.LOCAL_NAME);
        targets.forEach(t -> names.add(t.name()));
        return names;
    }

    /** Every problem of every target, and names given twice. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ComputeTarget t : targets) {
            problems.addAll(t.problems());
            if (ComputeTarget.LOCAL_NAME.equals(t.name())) {
                problems.add("target \"local\": the name is reserved for this machine");
            } else if (!seen.add(t.name())) {
                problems.add("target \"" + t.name() + "\" is defined twice");
            }
        }
        return problems;
    }

    /**
     * Reads and checks a targets file.
     *
     * @throws IOException naming the file and the problem (bad JSON, a field of the wrong type, an invalid target);
     *                     a missing file gives no targets
     */
    public static ComputeTargets read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new ComputeTargets(List.of());
        }
        ComputeTargets parsed;
        try {
            parsed = parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        List<String> problems = parsed.problems();
        if (!problems.isEmpty()) {
            throw new IOException(file + ": " + String.join("; ", problems));
        }
        return parsed;
    }

    /** @throws IllegalArgumentException when the text is not a targets object or a field has the wrong type */
    public static ComputeTargets parse(String json) {
        JsonElement root = JsonFields.parse(json);
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("a targets file must be a JSON object {\"targets\":[...]}");
        }
        JsonElement list = root.getAsJsonObject().get("targets");
        if (list == null || list.isJsonNull()) {
            return new ComputeTargets(List.of());
        }
        if (!list.isJsonArray()) {
            throw new IllegalArgumentException("targets must be a list of objects");
        }
        List<ComputeTarget> targets = new ArrayList<>();
        int index = 0;
        for (JsonElement e : list.getAsJsonArray()) {
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("targets[" + index + "] must be an object");
            }
            targets.add(fromJson(e.getAsJsonObject(), "targets[" + index + "]."));
            index++;
        }
        return new ComputeTargets(targets);
    }

    static ComputeTarget fromJson(JsonObject object, String context) {
        TargetJson j = new TargetJson(object, context);
        String kindText = j.string("kind");
        TargetKind kind = kindText == null ? TargetKind.SSH
                : TargetKind.parse(kindText).orElseThrow(() -> new IllegalArgumentException(
                        context + "kind must be local, ssh or slurm, not \"" + kindText + "\""));
        TargetJson s = j.object("slurm");
        SlurmSettings slurm = s == null ? null
                : new SlurmSettings(s.string("partition"), s.integer("gpus"), s.integer("cpus"), s.string("memory"),
                        s.string("time"), s.string("account"), s.string("qos"), s.strings("extra"),
                        s.integer("signalSeconds"), s.integer("cancelGraceSeconds"));
        return new ComputeTarget(j.string("name"), kind, j.string("host"), j.integer("port"), j.string("user"),
                j.string("identityFile"), j.string("knownHosts"), j.string("workDir"), j.string("java"),
                j.strings("setup"), j.stringMap("env"), slurm, j.string("device"));
    }

    public static JsonObject toJson(ComputeTarget t) {
        JsonObject o = new JsonObject();
        o.addProperty("name", t.name());
        o.addProperty("kind", t.kind().id());
        TargetJson.put(o, "host", t.host());
        TargetJson.put(o, "port", t.port());
        TargetJson.put(o, "user", t.user());
        TargetJson.put(o, "identityFile", t.identityFile());
        TargetJson.put(o, "knownHosts", t.knownHosts());
        TargetJson.put(o, "workDir", t.workDir());
        TargetJson.put(o, "java", t.java());
        if (!t.setup().isEmpty()) {
            o.add("setup", TargetJson.array(t.setup()));
        }
        if (!t.env().isEmpty()) {
            JsonObject env = new JsonObject();
            for (Map.Entry<String, String> e : t.env().entrySet()) {
                env.addProperty(e.getKey(), e.getValue());
            }
            o.add("env", env);
        }
        TargetJson.put(o, "device", t.device());
        if (t.kind() == TargetKind.SLURM) {
            SlurmSettings s = t.slurm();
            JsonObject so = new JsonObject();
            TargetJson.put(so, "partition", s.partition());
            TargetJson.put(so, "gpus", s.gpus());
            TargetJson.put(so, "cpus", s.cpus());
            TargetJson.put(so, "memory", s.memory());
            TargetJson.put(so, "time", s.time());
            TargetJson.put(so, "account", s.account());
            TargetJson.put(so, "qos", s.qos());
            if (!s.extra().isEmpty()) {
                so.add("extra", TargetJson.array(s.extra()));
            }
            TargetJson.put(so, "signalSeconds", s.signalSeconds());
            TargetJson.put(so, "cancelGraceSeconds", s.cancelGraceSeconds());
            o.add("slurm", so);
        }
        return o;
    }

    public String toJsonString() {
        JsonArray list = new JsonArray();
        targets.forEach(t -> list.add(toJson(t)));
        JsonObject root = new JsonObject();
        root.add("targets", list);
        return JsonFields.PRETTY.toJson(root);
    }

    /** Writes the file atomically (its folder is created). */
    public void write(Path file) throws IOException {
        byte[] bytes = (toJsonString() + "\n").getBytes(StandardCharsets.UTF_8);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
