package org.reasonlab.train.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.lora.LoraConfig;
import org.reasonlab.train.lora.LoraModel;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.training.TrainFixtures;

/** A PEFT adapter written by {@link PeftExporter} and attached again by {@link PeftAdapters} gives the same model. */
class PeftAdaptersTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    private static float[] logits(LoadedModel model, NDManager m) {
        NDArray ids = m.create(new long[][] {{1, 80, 81, 82, 83, 84}});
        return model.model().forward(ids, null).head().toFloatArray();
    }

    @Test
    void aWrittenAdapterAttachedToAFreshBaseGivesTheSameLogits() throws Exception {
        Path folder = TrainFixtures.tiny(tmp);
        Path dir = tmp.resolve("adapter");
        float[] expected;
        float[] base;
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu());
                NDManager m = root.newSubManager()) {
            base = logits(model, m);
            try (LoraModel lora = LoraModel.attach(model.model(), new LoraConfig(4, 8, 0.0, List.of("q_proj", "v_proj")),
                    model.manager(), 3)) {
                // B starts at zero; a trained adapter's is not
                Random rng = new Random(5);
                for (Map.Entry<String, NDArray> e : lora.trainable().entrySet()) {
                    if (e.getKey().endsWith(LoraModel.B_SUFFIX)) {
                        float[] b = new float[Math.toIntExact(e.getValue().size())];
                        for (int i = 0; i < b.length; i++) {
                            b[i] = (float) rng.nextGaussian() * 0.2f;
                        }
                        e.getValue().set(b);
                    }
                }
                expected = logits(model, m);
                PeftExporter.writeAdapter(dir, lora, "tiny");
            }
        }
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu());
                NDManager m = root.newSubManager()) {
            try (LoraModel lora = PeftAdapters.attach(dir, model)) {
                assertArrayEquals(expected, logits(model, m));
            }
            assertArrayEquals(base, logits(model, m), "closing takes the adapter off again");
            boolean differs = false;
            for (int i = 0; i < base.length; i++) {
                differs |= base[i] != expected[i];
            }
            assertTrue(differs, "the adapter changes the model");
        }
    }

    @Test
    void anAdapterThatDoesNotFitIsAnErrorNamingTheFile() throws Exception {
        Path folder = TrainFixtures.tiny(tmp);
        Path dir = tmp.resolve("adapter");
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu())) {
            try (LoraModel lora = LoraModel.attach(model.model(), new LoraConfig(4, 8, 0.0, List.of("q_proj")),
                    model.manager(), 3)) {
                PeftExporter.writeAdapter(dir, lora, "tiny");
            }
            Path config = dir.resolve(PeftExporter.CONFIG);
            String written = Files.readString(config);
            Files.writeString(config, written.replace("\"r\": 4", "\"r\": 2"));
            IOException e = assertThrows(IOException.class, () -> PeftAdapters.attach(dir, model));
            assertTrue(e.getMessage().contains(PeftExporter.WEIGHTS + ": tensor base_model.model.model.layers.0"
                    + ".self_attn.q_proj.lora_A.weight has shape"), e.getMessage());
            Files.writeString(config, written.replace("\"q_proj\"", "\"q_proj\", \"v_proj\""));
            e = assertThrows(IOException.class, () -> PeftAdapters.attach(dir, model));
            assertTrue(e.getMessage().endsWith(".self_attn.v_proj.lora_A.weight is missing"), e.getMessage());
            Files.writeString(config, "{\"peft_type\": \"LORA\", \"lora_alpha\": 8, \"target_modules\": [\"q_proj\"]}");
            e = assertThrows(IOException.class, () -> PeftAdapters.attach(dir, model));
            assertTrue(e.getMessage().endsWith(PeftExporter.CONFIG + ": r must be a number"), e.getMessage());
            // after the failures the model has no adapter left: a new one attaches
            Files.writeString(config, written);
            PeftAdapters.attach(dir, model).close();
        }
    }
}
