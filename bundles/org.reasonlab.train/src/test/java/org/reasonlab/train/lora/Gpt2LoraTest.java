package org.reasonlab.train.lora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.export.PeftExporter;
import org.reasonlab.train.model.Bf16;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.model.Precision;
import org.reasonlab.train.model.SafetensorsReader;
import org.reasonlab.train.model.TestCheckpoints;
import org.reasonlab.train.model.TinyModelPreset;
import org.reasonlab.train.training.EventSink;
import org.reasonlab.train.training.FineTuner;
import org.reasonlab.train.training.TrainFixtures;
import org.reasonlab.train.training.TrainResult;

/** LoRA on GPT-2's fused {@code c_attn}, a Conv1D whose weight is stored {@code [in, out]}. */
public class Gpt2LoraTest {
    public static final int D = 32;
    public static final int VOCAB = TinyModelPreset.vocabSize(); // the tiny preset's tokenizer
    public static final String CONFIG = "{\"model_type\": \"gpt2\", \"n_embd\": " + D + ", \"n_layer\": 2, \"n_head\": 4,"
            + " \"n_positions\": 128, \"vocab_size\": " + VOCAB + ", \"layer_norm_epsilon\": 1e-5, \"bos_token_id\": 1,"
            + " \"eos_token_id\": 2}";
    static final String C_ATTN = "transformer.h.0.attn.c_attn";

    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fp32", "bf16"})
    void loraOnConv1dTrainsKeepsTheBaseBitIdenticalAndExportsPeftLayout(String precision) throws Exception {
        Path folder = TestCheckpoints.write(tmp.resolve("gpt2"), CONFIG,
                TestCheckpoints.gpt2(5, "transformer.", VOCAB, D, 2, 128));
        RunSpec spec = TrainFixtures.spec(RunSpec.TUNING_LORA, TrainingMode.L_PLUS_R, TrainFixtures.SHORT_LR);
        spec.setLoraTargetModules(List.of("c_attn"));
        spec.setLoraDropout(0);
        spec.setPrecision(precision);
        spec.setBatchSize(16);
        spec.setSchedule("constant");
        spec.setLearningRate(2e-2);
        spec.setMaxSteps(4);
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu(),
                        Precision.resolve(precision, Device.cpu()), false);
                NDManager m = root.newSubManager()) {
            Map<String, float[]> before = new HashMap<>();
            model.model().namedParameters().forEach((n, p) -> before.put(n, Bf16.toFloat32(p.getArray()).toFloatArray()));
            assertEquals(precision.equals("bf16"), Bf16.is(model.model().namedParameters().get(C_ATTN + ".weight")
                    .getArray()));
            try (FineTuner tuner = new FineTuner(spec, model, TrainFixtures.examples(TrainFixtures.SHORT_LR, 16),
                    new RunDirectory(tmp.resolve("run")), new EventSink.Collecting())) {
                assertEquals(4, tuner.trainable().size(), "A and B of c_attn in 2 layers");
                LoraAdapter first = tuner.lora().adapters().get(0);
                assertEquals(C_ATTN, first.module());
                assertEquals(new Shape(4, D), first.a().getShape()); // [r, in]
                assertEquals(new Shape(3 * D, 4), first.b().getShape()); // [out, r]
                Map<String, float[]> adapterBefore = new HashMap<>();
                tuner.trainable().forEach((n, a) -> adapterBefore.put(n, a.toFloatArray()));

                TrainResult r = tuner.train(false);
                assertEquals(RunStatus.COMPLETED, r.status(), String.valueOf(r.error()));
                List<Double> l = r.losses();
                assertTrue(l.get(3) < l.get(0), "loss did not fall: " + l);
                model.model().namedParameters().forEach((n, p) -> assertArrayEquals(before.get(n),
                        Bf16.toFloat32(p.getArray()).toFloatArray(), 0f, n + " changed"));
                tuner.trainable().forEach((n, a) -> assertFalse(Arrays.equals(adapterBefore.get(n),
                        a.toFloatArray()), n + " did not change"));

                Path adapter = tmp.resolve("adapter");
                PeftExporter.writeAdapter(adapter, tuner.lora(), "gpt2");
                var h = SafetensorsReader.readHeader(adapter.resolve(PeftExporter.WEIGHTS));
                assertEquals(4, h.size());
                for (int layer = 0; layer < 2; layer++) {
                    String p = "base_model.model.transformer.h." + layer + ".attn.c_attn";
                    assertArrayEquals(new long[] {4, D}, h.get(p + ".lora_A.weight").shape(), p);
                    assertArrayEquals(new long[] {3 * D, 4}, h.get(p + ".lora_B.weight").shape(), p);
                }
                JsonObject c = JsonParser.parseString(Files.readString(adapter.resolve(PeftExporter.CONFIG)))
                        .getAsJsonObject();
                assertTrue(c.get("fan_in_fan_out").getAsBoolean(), "GPT-2's Conv1D needs fan_in_fan_out");
                assertEquals("c_attn", c.getAsJsonArray("target_modules").get(0).getAsString());

                // merged: the [in, out] weight plus (scaling * B A) transposed, computed here in plain Java
                Path merged = tmp.resolve("merged");
                PeftExporter.writeMerged(merged, model, tuner.lora());
                float[] w = before.get(C_ATTN + ".weight");
                float[] a = first.a().toFloatArray();
                float[] b = first.b().toFloatArray();
                float[] got = SafetensorsReader.read(merged.resolve("model.safetensors"), m).get(C_ATTN + ".weight")
                        .toFloatArray();
                float[] source = SafetensorsReader.read(folder.resolve("model.safetensors"), m).get(C_ATTN + ".weight")
                        .toFloatArray();
                double scaling = 8.0 / 4;
                for (int in = 0; in < D; in++) {
                    for (int out = 0; out < 3 * D; out++) {
                        double delta = 0;
                        for (int k = 0; k < 4; k++) {
                            delta += b[out * 4 + k] * a[k * D + in];
                        }
                        assertEquals(source[in * 3 * D + out] + scaling * delta, got[in * 3 * D + out], 1e-5,
                                "merged[" + in + "][" + out + "]");
                    }
                }
                if (precision.equals("fp32")) {
                    assertArrayEquals(source, w, 0f);
                    try (LoadedModel mm = ModelLoader.load(merged, root, Device.cpu())) {
                        NDArray ids = m.create(new long[][] {{1, 80, 81, 82, 83, 84}});
                        float[] withLora = model.model().forward(ids, null).head().toFloatArray();
                        float[] plain = mm.model().forward(ids, null).head().toFloatArray();
                        for (int i = 0; i < plain.length; i++) {
                            assertEquals(withLora[i], plain[i], 1e-4, "logit " + i);
                        }
                    }
                }
            }
        }
    }
}
