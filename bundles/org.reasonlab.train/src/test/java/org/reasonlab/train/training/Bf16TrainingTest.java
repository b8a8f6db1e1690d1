package org.reasonlab.train.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.export.PeftExporter;
import org.reasonlab.train.lora.LoraAdapter;
import org.reasonlab.train.model.Bf16;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.model.Precision;
import org.reasonlab.train.model.SafetensorsReader;

/** Training with {@code --precision bf16} forced on the CPU: LoRA with bf16 base weights, full tuning, the files. */
class Bf16TrainingTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    /** One batch of all 16 examples, constant learning rate: every step sees the same data, so the loss must fall. */
    private static RunSpec spec(String tuning) {
        RunSpec spec = TrainFixtures.spec(tuning, TrainingMode.L_PLUS_R, TrainFixtures.SHORT_LR);
        spec.setPrecision("bf16");
        spec.setBatchSize(16);
        spec.setSchedule("constant");
        spec.setWarmupSteps(0);
        spec.setLoraDropout(0);
        spec.setLearningRate(tuning.equals("lora") ? 2e-2 : 3e-3);
        spec.setMaxSteps(6);
        return spec;
    }

    /** The loss falls at every step, and (when given) stays within 1% of the fp32 run's loss. */
    private static void assertLossFalls(TrainResult r, List<Double> fp32) {
        assertEquals(RunStatus.COMPLETED, r.status(), String.valueOf(r.error()));
        List<Double> l = r.losses();
        System.out.println("bf16 losses " + l + (fp32 == null ? "" : "\nfp32 losses " + fp32));
        for (int i = 1; i < l.size(); i++) {
            assertTrue(l.get(i) < l.get(i - 1), "loss did not fall at step " + (i + 1) + ": " + l);
        }
        if (fp32 != null) {
            for (int i = 0; i < l.size(); i++) {
                assertEquals(fp32.get(i), l.get(i), 0.01 * fp32.get(i), "step " + (i + 1));
            }
        }
    }

    private List<Double> fp32Losses(Path folder, RunSpec bf16Spec) throws Exception {
        RunSpec spec = bf16Spec.copy();
        spec.setPrecision("fp32");
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu());
                FineTuner tuner = new FineTuner(spec, model, TrainFixtures.examples(TrainFixtures.SHORT_LR, 16),
                        new RunDirectory(tmp.resolve("fp32-run")), new EventSink.Collecting())) {
            return tuner.train(false).losses();
        }
    }

    @Test
    void loraInBf16LowersTheLossKeepsTheBf16BaseBitIdenticalAndExportsFloat32() throws Exception {
        Path folder = TrainFixtures.tiny(tmp);
        RunDirectory run = new RunDirectory(tmp.resolve("run"));
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu(), Precision.BF16, false)) {
            Map<String, float[]> before = new HashMap<>();
            model.model().namedParameters().forEach((n, p) -> before.put(n, Bf16.toFloat32(p.getArray()).toFloatArray()));
            RunSpec spec = spec("lora");
            List<Double> fp32 = fp32Losses(folder, spec);
            try (FineTuner tuner = new FineTuner(spec, model, TrainFixtures.examples(TrainFixtures.SHORT_LR, 16), run,
                    new EventSink.Collecting())) {
                assertLossFalls(tuner.train(false), fp32);
                for (Map.Entry<String, Parameter> e : model.model().namedParameters().entrySet()) {
                    assertArrayEquals(before.get(e.getKey()), Bf16.toFloat32(e.getValue().getArray()).toFloatArray(), 0f,
                            e.getKey() + " changed");
                }
                assertTrue(Bf16.is(model.model().namedParameters().get("model.layers.0.self_attn.q_proj.weight").getArray()));
                for (NDArray a : tuner.trainable().values()) {
                    assertEquals(DataType.FLOAT32, a.getDataType());
                }
                // gradients reached the first layer's adapters through every later bf16 product
                LoraAdapter first = tuner.lora().adapters().get(0);
                assertEquals("model.layers.0.self_attn.q_proj", first.module());
                assertTrue(first.b().abs().sum().getFloat() > 0, "layer 0's lora_B never moved");

                assertEquals("bf16", run.readEnvironment().precision());
                Path checkpoint = Checkpoints.latest(run);
                for (String f : new String[] {Checkpoints.WEIGHTS, Checkpoints.OPTIMIZER}) {
                    SafetensorsReader.readHeader(checkpoint.resolve(f)).values()
                            .forEach(t -> assertEquals("F32", t.dtype(), f + " " + t.name()));
                }

                Path adapter = tmp.resolve("adapter");
                PeftExporter.writeAdapter(adapter, tuner.lora(), "tiny");
                var h = SafetensorsReader.readHeader(adapter.resolve(PeftExporter.WEIGHTS));
                assertEquals(8, h.size());
                assertArrayEquals(new long[] {4, 64},
                        h.get("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight").shape());
                assertArrayEquals(new long[] {32, 4},
                        h.get("base_model.model.model.layers.1.self_attn.v_proj.lora_B.weight").shape());
                h.values().forEach(t -> assertEquals("F32", t.dtype(), t.name()));

                // merged: the exact source weights (not their bf16 copies) plus scaling * B A, in F32
                Path merged = tmp.resolve("merged");
                PeftExporter.writeMerged(merged, model, tuner.lora());
                try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
                    Map<String, NDArray> source = SafetensorsReader.read(folder.resolve("model.safetensors"), m);
                    Map<String, NDArray> out = SafetensorsReader.read(merged.resolve("model.safetensors"), m);
                    SafetensorsReader.readHeader(merged.resolve("model.safetensors")).values()
                            .forEach(t -> assertEquals("F32", t.dtype(), t.name()));
                    assertEquals(source.keySet(), out.keySet());
                    Map<String, LoraAdapter> adapted = new HashMap<>();
                    tuner.lora().adapters().forEach(a -> adapted.put(a.module() + ".weight", a));
                    for (String name : source.keySet()) {
                        float[] src = source.get(name).toFloatArray();
                        float[] got = out.get(name).toFloatArray();
                        LoraAdapter a = adapted.get(name);
                        if (a == null) {
                            assertArrayEquals(src, got, 0f, name + " is not the source tensor");
                        } else {
                            float[] delta = a.delta(m).toFloatArray();
                            for (int i = 0; i < src.length; i++) {
                                assertEquals(src[i] + delta[i], got[i], 1e-6, name + "[" + i + "]");
                            }
                            assertFalse(Arrays.equals(src, got), name + " has no delta");
                        }
                    }
                }
            }
        }
    }

    @Test
    void fullTuningInBf16TrainsFloat32MasterWeightsAndRefusesBf16Storage() throws Exception {
        Path folder = TrainFixtures.tiny(tmp);
        RunSpec spec = spec("full");
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu(), Precision.BF16, true)) {
            float[] q = model.model().namedParameters().get("model.layers.0.self_attn.q_proj.weight").getArray()
                    .toFloatArray();
            try (FineTuner tuner = new FineTuner(spec, model, TrainFixtures.examples(TrainFixtures.SHORT_LR, 16),
                    new RunDirectory(tmp.resolve("run")), new EventSink.Collecting())) {
                assertLossFalls(tuner.train(false), null);
            }
            NDArray after = model.model().namedParameters().get("model.layers.0.self_attn.q_proj.weight").getArray();
            assertEquals(DataType.FLOAT32, after.getDataType());
            assertFalse(Arrays.equals(q, after.toFloatArray()));
        }
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel frozen = ModelLoader.load(folder, root, Device.cpu(), Precision.BF16, false)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FineTuner(spec, frozen,
                    TrainFixtures.examples(TrainFixtures.SHORT_LR, 4), new RunDirectory(tmp.resolve("r2")),
                    new EventSink.Collecting()));
            assertTrue(e.getMessage().contains("float32 master weights"), e.getMessage());
        }
    }

    @Test
    void commandLineRecordsThePrecisionUsed() throws Exception {
        Path data = tmp.resolve("d.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            String[] r = TrainFixtures.RECORDS[i];
            sb.append("{\"id\":\"r").append(i).append("\",\"statement\":\"").append(r[0]).append("\",\"label\":\"")
                    .append(r[1]).append("\",\"reason\":\"").append(r[2]).append("\",\"split\":\"")
                    .append(i < 4 ? "train" : "test").append("\"}\n");
        }
        Files.writeString(data, sb.toString());

        Path runDir = tmp.resolve("run");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code = TrainMain.run(new String[] {"--dataset", data.toString(), "--run-dir", runDir.toString(), "--model",
            "tiny", "--max-steps", "1", "--batch-size", "4", "--device", "cpu", "--precision", "bf16"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(0, code, log.toString(StandardCharsets.UTF_8));
        RunDirectory run = new RunDirectory(runDir);
        assertEquals("bf16", run.readSpec().precision());
        assertEquals("bf16", run.readEnvironment().precision());
        assertEquals(2, Files.readAllLines(run.predictionsFile()).size()); // evaluated in bf16 after training
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = TrainMain.run(new String[] {"--dataset", data.toString(), "--run-dir", tmp.resolve("bad").toString(),
            "--precision", "fp16"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, rc);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("precision must be auto, fp32 or bf16"));
    }
}
