package org.reasonlab.train.lora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.training.EventSink;
import org.reasonlab.train.training.FineTuner;
import org.reasonlab.train.training.TrainFixtures;
import org.reasonlab.train.training.TrainResult;

class LoraTrainingTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    @Test
    void loraLeavesBaseWeightsBitIdenticalAndTrainsAdapters() throws Exception {
        Path folder = TrainFixtures.tiny(tmp);
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu())) {
            Map<String, float[]> before = new HashMap<>();
            model.model().namedParameters().forEach((n, p) -> before.put(n, p.getArray().toFloatArray()));
            RunSpec spec = TrainFixtures.spec(RunSpec.TUNING_LORA, TrainingMode.L_PLUS_R, TrainFixtures.SHORT_LR);
            spec.setMaxSteps(4);
            try (FineTuner tuner = new FineTuner(spec, model, TrainFixtures.examples(TrainFixtures.SHORT_LR, 16),
                    new RunDirectory(tmp.resolve("run")), new EventSink.Collecting())) {
                assertEquals(2 * 2 * 2, tuner.trainable().size(), "A and B for q_proj, v_proj of 2 layers");
                Map<String, float[]> adapterBefore = new HashMap<>();
                tuner.trainable().forEach((n, a) -> adapterBefore.put(n, a.toFloatArray()));
                TrainResult r = tuner.train(false);
                assertEquals(RunStatus.COMPLETED, r.status(), String.valueOf(r.error()));
                assertEquals(4, r.step());
                model.model().namedParameters().forEach((n, p) ->
                        assertArrayEquals(before.get(n), p.getArray().toFloatArray(), 0f, n + " changed"));
                for (Map.Entry<String, NDArray> e : tuner.trainable().entrySet()) {
                    assertFalse(Arrays.equals(adapterBefore.get(e.getKey()), e.getValue().toFloatArray()),
                            e.getKey() + " did not change");
                }
            }
            // closing removes the hooks
            assertNull(LoraModel.linearModules(model.model()).get("model.layers.0.self_attn.q_proj").adapter());
        }
    }

    @Test
    void freshAdapterDoesNotChangeTheOutputAndTargetsMatchLikePeft() throws Exception {
        Path folder = TrainFixtures.tiny(tmp);
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu());
                NDManager m = root.newSubManager()) {
            NDArray ids = m.create(new long[][] {{1, 80, 81, 82, 83}});
            float[] plain = model.model().forward(ids, null).head().toFloatArray();
            LoraConfig cfg = new LoraConfig(4, 8, 0.0, List.of("q_proj", "v_proj", "down_proj"));
            try (LoraModel lora = LoraModel.attach(model.model(), cfg, model.manager(), 1)) {
                assertEquals(6, lora.adapters().size());
                assertTrue(lora.adapters().stream().allMatch(a -> cfg.targets(a.module())));
                assertEquals(2.0, cfg.scaling());
                float[] withLora = model.model().forward(ids, null).head().toFloatArray();
                assertArrayEquals(plain, withLora, 0f);
                NDArray a = lora.adapters().get(0).a();
                assertEquals(new Shape(4, 64), a.getShape());
                float bound = (float) (1 / Math.sqrt(64));
                for (float v : a.toFloatArray()) {
                    assertTrue(Math.abs(v) <= bound);
                }
            }
            assertThrows(IllegalArgumentException.class,
                    () -> LoraModel.attach(model.model(), new LoraConfig(4, 8, 0, List.of("c_attn")), model.manager(), 1));
        }
    }
}
