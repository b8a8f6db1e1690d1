package org.reasonlab.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.generate.KvCache;

/** Loads random HF-layout checkpoints and compares the DJL logits with plain-Java reference loops. */
class ReferenceForwardTest {
    static final double TOL = 1e-4;
    static final long[][] IDS = {{1, 7, 3, 22, 9, 30}, {5, 5, 0, 39, 12, 2}};

    @TempDir
    Path tmp;
    NDManager manager;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterEach
    void close() {
        manager.close();
    }

    static String llamaConfig(String type, int heads, int kvHeads, boolean tied) {
        return "{\"model_type\": \"" + type + "\", \"hidden_size\": 16, \"intermediate_size\": 24, \"num_hidden_layers\": 2,"
                + " \"num_attention_heads\": " + heads + ", \"num_key_value_heads\": " + kvHeads + ", \"vocab_size\": 40,"
                + " \"max_position_embeddings\": 64, \"rms_norm_eps\": 1e-5, \"rope_theta\": 10000.0,"
                + " \"tie_word_embeddings\": " + tied + ", \"bos_token_id\": 1, \"eos_token_id\": 2}";
    }

    static final String GPT2_CONFIG = "{\"model_type\": \"gpt2\", \"n_embd\": 16, \"n_layer\": 2, \"n_head\": 4,"
            + " \"n_positions\": 32, \"vocab_size\": 40, \"layer_norm_epsilon\": 1e-5, \"bos_token_id\": 1, \"eos_token_id\": 2}";

    private void assertMatches(LoadedModel model, double[][][] expected) {
        try (NDManager m = manager.newSubManager()) {
            NDArray logits = model.model().forward(m.create(IDS), null).head();
            assertEquals(new Shape(2, 6, 40), logits.getShape());
            float[] got = logits.toFloatArray();
            double worst = 0;
            for (int b = 0; b < 2; b++) {
                for (int s = 0; s < 6; s++) {
                    for (int v = 0; v < 40; v++) {
                        worst = Math.max(worst, Math.abs(got[(b * 6 + s) * 40 + v] - expected[b][s][v]));
                    }
                }
            }
            assertTrue(worst < TOL, "max |djl - reference| = " + worst);
        }
    }

    /** Prefill 3 tokens, then 2 + 1 through the cache: the same logits as one full pass. */
    private void assertCacheConsistent(LoadedModel model) {
        try (NDManager m = manager.newSubManager(); KvCache cache = new KvCache(m, model.config().numLayers())) {
            CausalLm lm = model.model();
            float[] full = lm.forward(m.create(IDS), null).head().toFloatArray();
            NDArray ids = m.create(IDS);
            NDArray a = lm.forward(ids.get(":, 0:3"), cache).head();
            NDArray b = lm.forward(ids.get(":, 3:5"), cache).head();
            NDArray c = lm.forward(ids.get(":, 5:6"), cache).head();
            assertEquals(6, cache.length());
            float[] inc = NDArrays3.concat(a, b, c).toFloatArray();
            double worst = 0;
            for (int i = 0; i < full.length; i++) {
                worst = Math.max(worst, Math.abs(full[i] - inc[i]));
            }
            assertTrue(worst < TOL, "cached vs full: " + worst);
        }
    }

    /** Small helper so the test reads clearly. */
    static final class NDArrays3 {
        static NDArray concat(NDArray a, NDArray b, NDArray c) {
            return a.concat(b, 1).concat(c, 1);
        }
    }

    @Test
    void llamaWithGqaAndUntiedHeadMatchesReference() throws Exception {
        Map<String, SafetensorsWriter.F32> w = TestCheckpoints.llama(11, 40, 16, 24, 2, 4, 2, 4, false, false);
        Path folder = TestCheckpoints.write(tmp.resolve("llama"), llamaConfig("llama", 4, 2, false), w);
        try (LoadedModel model = ModelLoader.load(folder, manager, Device.cpu())) {
            double[][][] ref = new double[2][][];
            for (int b = 0; b < 2; b++) {
                ref[b] = PlainReference.llama(w, IDS[b], 2, 4, 2, 4, 1e-5, 10000.0, false);
            }
            assertMatches(model, ref);
            assertCacheConsistent(model);
            assertTrue(model.model().namedParameters().containsKey("lm_head.weight"));
            assertEquals(w.keySet(), model.model().namedParameters().keySet());
        }
    }

    @Test
    void qwen2WithQkvBiasAndTiedHeadMatchesReference() throws Exception {
        Map<String, SafetensorsWriter.F32> w = TestCheckpoints.llama(12, 40, 16, 24, 2, 2, 1, 8, true, true);
        Path folder = TestCheckpoints.write(tmp.resolve("qwen"), llamaConfig("qwen2", 2, 1, true), w);
        try (LoadedModel model = ModelLoader.load(folder, manager, Device.cpu())) {
            double[][][] ref = new double[2][][];
            for (int b = 0; b < 2; b++) {
                ref[b] = PlainReference.llama(w, IDS[b], 2, 2, 1, 8, 1e-5, 10000.0, true);
            }
            assertMatches(model, ref);
            assertCacheConsistent(model);
            assertEquals(w.keySet(), model.model().namedParameters().keySet());
        }
    }

    @Test
    void gpt2MatchesReferenceWithAndWithoutTransformerPrefix() throws Exception {
        for (String prefix : new String[] {"transformer.", ""}) {
            Map<String, SafetensorsWriter.F32> w = TestCheckpoints.gpt2(13, prefix, 40, 16, 2, 32);
            Path folder = TestCheckpoints.write(tmp.resolve("gpt2" + prefix.length()), GPT2_CONFIG, w);
            try (LoadedModel model = ModelLoader.load(folder, manager, Device.cpu())) {
                double[][][] ref = new double[2][][];
                for (int b = 0; b < 2; b++) {
                    ref[b] = PlainReference.gpt2(w, prefix, IDS[b], 2, 4, 1e-5);
                }
                assertMatches(model, ref);
                assertCacheConsistent(model);
                assertTrue(model.model().namedParameters().containsKey("transformer.h.1.attn.c_attn.weight"));
                assertEquals(model.warnings().toString(), "[]");
            }
        }
    }

    @Test
    void gradientsReachEveryParameter() throws Exception {
        Map<String, SafetensorsWriter.F32> w = TestCheckpoints.llama(14, 40, 16, 24, 2, 4, 2, 4, false, true);
        Path folder = TestCheckpoints.write(tmp.resolve("grad"),
                llamaConfig("qwen2", 4, 2, false), w);
        try (LoadedModel model = ModelLoader.load(folder, manager, Device.cpu());
                NDManager m = manager.newSubManager()) {
            for (Parameter p : model.model().namedParameters().values()) {
                p.getArray().setRequiresGradient(true);
            }
            // also initialise as a DJL Trainer would: must keep the loaded weights
            float before = model.model().namedParameters().get("model.norm.weight").getArray().toFloatArray()[0];
            model.model().block().initialize(m, DataType.FLOAT32, new Shape(2, 6));
            assertEquals(before, model.model().namedParameters().get("model.norm.weight").getArray().toFloatArray()[0]);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList out = model.model().forward(new ParameterStore(m, false), m.create(IDS), null, null, true);
                NDArray loss = out.head().logSoftmax(2).get(":, :, 3").mean().neg();
                gc.backward(loss);
            }
            for (Map.Entry<String, Parameter> e : model.model().namedParameters().entrySet()) {
                float g = e.getValue().getArray().getGradient().abs().sum().getFloat();
                assertTrue(g > 0, "no gradient for " + e.getKey());
            }
        }
    }
}
