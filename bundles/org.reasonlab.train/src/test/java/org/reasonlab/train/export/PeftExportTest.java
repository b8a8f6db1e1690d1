package org.reasonlab.train.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.model.SafetensorsReader;
import org.reasonlab.train.training.EventSink;
import org.reasonlab.train.training.FineTuner;
import org.reasonlab.train.training.TrainFixtures;

class PeftExportTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    @Test
    void adapterHasPeftNamesShapesAndConfigAndMergedModelMatchesLoraOutput() throws Exception {
        Path folder = TrainFixtures.tiny(tmp);
        RunSpec spec = TrainFixtures.spec(RunSpec.TUNING_LORA, TrainingMode.L_PLUS_R, TrainFixtures.SHORT_LR);
        spec.setMaxSteps(2);
        spec.setLoraDropout(0.05);
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu());
                FineTuner tuner = new FineTuner(spec, model, TrainFixtures.examples(TrainFixtures.SHORT_LR, 8),
                        new RunDirectory(tmp.resolve("run")), new EventSink.Collecting())) {
            tuner.train(false);
            Path dir = tmp.resolve("adapter");
            PeftExporter.writeAdapter(dir, tuner.lora(), "tiny");
            Map<String, SafetensorsReader.TensorInfo> h = SafetensorsReader.readHeader(dir.resolve(PeftExporter.WEIGHTS));
            assertEquals(8, h.size());
            // tiny: hidden 64, 4 heads x 16 = 64 for q, 2 kv heads x 16 = 32 for v
            assertArrayEquals(new long[] {4, 64},
                    h.get("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight").shape());
            assertArrayEquals(new long[] {64, 4},
                    h.get("base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight").shape());
            assertArrayEquals(new long[] {32, 4},
                    h.get("base_model.model.model.layers.1.self_attn.v_proj.lora_B.weight").shape());
            JsonObject c = JsonParser.parseString(Files.readString(dir.resolve(PeftExporter.CONFIG))).getAsJsonObject();
            assertEquals("LORA", c.get("peft_type").getAsString());
            assertEquals("CAUSAL_LM", c.get("task_type").getAsString());
            assertEquals(4, c.get("r").getAsInt());
            assertEquals(8, c.get("lora_alpha").getAsInt());
            assertEquals(0.05, c.get("lora_dropout").getAsDouble(), 1e-12);
            assertEquals("none", c.get("bias").getAsString());
            assertFalse(c.get("fan_in_fan_out").getAsBoolean());
            assertEquals("tiny", c.get("base_model_name_or_path").getAsString());
            assertEquals(List.of("q_proj", "v_proj"),
                    c.getAsJsonArray("target_modules").asList().stream().map(e -> e.getAsString()).toList());

            Path merged = tmp.resolve("merged");
            PeftExporter.writeMerged(merged, model, tuner.lora());
            try (NDManager m = root.newSubManager();
                    LoadedModel mm = ModelLoader.load(merged, root, Device.cpu())) {
                NDArray ids = m.create(new long[][] {{1, 80, 81, 82, 83, 84}});
                float[] lora = model.model().forward(ids, null).head().toFloatArray();
                float[] plain = mm.model().forward(ids, null).head().toFloatArray();
                float maxDiff = 0;
                for (int i = 0; i < lora.length; i++) {
                    maxDiff = Math.max(maxDiff, Math.abs(lora[i] - plain[i]));
                }
                assertTrue(maxDiff < 1e-4, "merged logits differ by " + maxDiff);
            }
        }
    }
}
