package org.reasonlab.train.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.train.model.ModelLoadException;
import org.reasonlab.train.model.SafetensorsReader;
import org.reasonlab.train.model.SafetensorsWriter;

/**
 * Checkpoint folders {@code checkpoints/step-N/}: {@value #WEIGHTS} (trainable tensors: HF names in
 * full fine-tuning, {@code <module>.lora_A.weight} / {@code .lora_B.weight} for LoRA),
 * {@value #OPTIMIZER} ({@code <name>.exp_avg}, {@code <name>.exp_avg_sq}) and {@value #STATE}. A
 * checkpoint is written into a hidden temporary folder and renamed into place, so a folder named
 * {@code step-N} is always complete.
 */
public final class Checkpoints {
    public static final String WEIGHTS = "trainable.safetensors";
    public static final String OPTIMIZER = "optimizer.safetensors";
    public static final String STATE = "state.json";

    /**
     * Where training stands after an optimizer step.
     *
     * @param step         optimizer steps done
     * @param epoch        0-based epoch of the next micro-batch
     * @param batchInEpoch index of the next micro-batch within that epoch
     * @param seed         the run's seed
     * @param totalSteps   the planned number of steps
     * @param tuning       lora or full
     */
    public record State(long step, int epoch, int batchInEpoch, long seed, long totalSteps, String tuning) {
        String toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("step", step);
            o.addProperty("epoch", epoch);
            o.addProperty("batchInEpoch", batchInEpoch);
            o.addProperty("seed", seed);
            o.addProperty("totalSteps", totalSteps);
            o.addProperty("tuning", tuning);
            return new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
        }

        static State parse(String json) {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            return new State(o.get("step").getAsLong(), o.get("epoch").getAsInt(), o.get("batchInEpoch").getAsInt(),
                    o.get("seed").getAsLong(), o.get("totalSteps").getAsLong(), o.get("tuning").getAsString());
        }
    }

    private Checkpoints() {
    }

    /** Writes {@code checkpoints/step-N} atomically; returns the folder. */
    public static Path write(RunDirectory run, State state, Map<String, NDArray> weights, Map<String, NDArray> optimizer)
            throws IOException {
        Path target = run.checkpointDir(state.step());
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        Map<String, String> meta = Map.of("step", Long.toString(state.step()));
        SafetensorsWriter.write(tmp.resolve(WEIGHTS), weights, meta);
        SafetensorsWriter.write(tmp.resolve(OPTIMIZER), optimizer, meta);
        Files.writeString(tmp.resolve(STATE), state.toJson(), StandardCharsets.UTF_8);
        deleteTree(target);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target);
        }
        return target;
    }

    /** The newest complete checkpoint folder, or null. */
    public static Path latest(RunDirectory run) throws IOException {
        List<Long> steps = run.checkpointSteps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            Path dir = run.checkpointDir(steps.get(i));
            if (Files.isRegularFile(dir.resolve(STATE)) && Files.isRegularFile(dir.resolve(WEIGHTS))
                    && Files.isRegularFile(dir.resolve(OPTIMIZER))) {
                return dir;
            }
        }
        return null;
    }

    public static State readState(Path checkpoint) throws IOException {
        try {
            return State.parse(Files.readString(checkpoint.resolve(STATE), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IOException(checkpoint.resolve(STATE) + ": " + e.getMessage(), e);
        }
    }

    public static Map<String, NDArray> readTensors(Path file, NDManager manager) throws IOException {
        try {
            return SafetensorsReader.read(file, manager);
        } catch (ModelLoadException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
