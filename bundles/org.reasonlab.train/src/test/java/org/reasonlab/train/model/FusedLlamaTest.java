package org.reasonlab.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.generate.KvCache;
import org.reasonlab.train.lora.LoraConfig;
import org.reasonlab.train.lora.LoraModel;

/**
 * The fused inference forward computes what the block model computes: against the plain-Java
 * reference loops, through the cache step by step, for left-padded batches, with a LoRA adapter,
 * and from a snapshot of the weights taken when it is opened.
 */
class FusedLlamaTest {
    static final double TOL = 1e-4;
    static final long[][] IDS = ReferenceForwardTest.IDS;

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

    private LoadedModel llama(String name, String type, int heads, int kvHeads, int hd, boolean tied, boolean bias,
            Map<String, SafetensorsWriter.F32> weights) throws Exception {
        Path folder = TestCheckpoints.write(tmp.resolve(name), ReferenceForwardTest.llamaConfig(type, heads, kvHeads, tied),
                weights);
        return ModelLoader.load(folder, manager, Device.cpu());
    }

    private static double worst(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    private static float[] logits(InferenceForward forward, NDManager m, long[][] ids) {
        return forward.logits(m.create(ids), null, null, false).toFloatArray();
    }

    @Test
    void gqaWithUntiedHeadAndQkvBiasWithTiedHeadMatchTheReferenceLoops() throws Exception {
        Object[][] cases = {{"llama", 4, 2, 4, false, false}, {"qwen2", 2, 1, 8, true, true}, {"mistral", 4, 4, 4, true, false}};
        for (Object[] c : cases) {
            String type = (String) c[0];
            int heads = (int) c[1];
            int kvHeads = (int) c[2];
            int hd = (int) c[3];
            boolean tied = (boolean) c[4];
            boolean bias = (boolean) c[5];
            Map<String, SafetensorsWriter.F32> w = TestCheckpoints.llama(21, 40, 16, 24, 2, heads, kvHeads, hd, tied, bias);
            try (LoadedModel model = llama(type, type, heads, kvHeads, hd, tied, bias, w);
                    NDManager m = manager.newSubManager(); InferenceForward fused = model.model().inference()) {
                assertInstanceOf(FusedLlama.class, fused);
                float[] got = logits(fused, m, IDS);
                double worst = 0;
                for (int b = 0; b < IDS.length; b++) {
                    double[][] ref = PlainReference.llama(w, IDS[b], 2, heads, kvHeads, hd, 1e-5, 10000.0, tied);
                    for (int s = 0; s < IDS[b].length; s++) {
                        for (int v = 0; v < 40; v++) {
                            worst = Math.max(worst, Math.abs(got[(b * IDS[b].length + s) * 40 + v] - ref[s][v]));
                        }
                    }
                }
                assertTrue(worst < TOL, type + ": max |fused - reference| = " + worst);
            }
        }
    }

    /** Prefill 3, then 2 and 1 through a cache that must grow from room for 2: the logits of one full pass. */
    @Test
    void cachedStepsMatchOneFullPassAsTheCacheGrows() throws Exception {
        Map<String, SafetensorsWriter.F32> w = TestCheckpoints.llama(22, 40, 16, 24, 2, 4, 2, 4, false, false);
        try (LoadedModel model = llama("grow", "llama", 4, 2, 4, false, false, w); NDManager m = manager.newSubManager();
                InferenceForward fused = model.model().inference(); KvCache cache = new KvCache(m, 2, null, 2)) {
            float[] full = logits(fused, m, IDS);
            NDArray ids = m.create(IDS);
            NDArray a = fused.logits(ids.get(":, 0:3"), null, cache, false);
            NDArray b = fused.logits(ids.get(":, 3:5"), null, cache, false);
            NDArray last = fused.logits(ids.get(":, 5:6"), null, cache, true);
            assertEquals(6, cache.length());
            assertEquals(new Shape(2, 1, 40), last.getShape());
            assertTrue(worst(full, a.concat(b, 1).concat(last, 1).toFloatArray()) < TOL);

            // rewinding forgets the last token: feeding it again gives the same logits
            cache.rewind(5);
            assertTrue(worst(last.toFloatArray(), fused.logits(ids.get(":, 5:6"), null, cache, true).toFloatArray()) < TOL);
        }
    }

    /**
     * A left-padded batch through the cache: each row's logits are those it gets alone, unpadded
     * (grouped query heads with an untied head; q/k/v biases with as many key/value heads as query heads).
     */
    @ParameterizedTest
    @ValueSource(strings = {"llama", "qwen2"})
    void leftPaddedRowsGetTheLogitsTheyGetAlone(String type) throws Exception {
        boolean qwen = type.equals("qwen2");
        int kvHeads = qwen ? 4 : 2;
        Map<String, SafetensorsWriter.F32> w = TestCheckpoints.llama(23, 40, 16, 24, 2, 4, kvHeads, 4, qwen, qwen);
        try (LoadedModel model = llama("pad" + type, type, 4, kvHeads, 4, qwen, qwen, w);
                NDManager m = manager.newSubManager();
                InferenceForward fused = model.model().inference(); InferenceForward block = model.model().reference();
                KvCache cache = new KvCache(m, 2, new long[] {2, 0}, 8)) {
            long[][] padded = {{0, 0, 7, 3, 22}, {5, 5, 0, 39, 12}};
            long[][] mask = {{0, 0, 1, 1, 1}, {1, 1, 1, 1, 1}};
            float[] prefill = fused.logits(m.create(padded), m.create(mask), cache, true).toFloatArray();
            long[][] next = {{9}, {30}};
            long[][] mask2 = {{0, 0, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1}};
            float[] step = fused.logits(m.create(next), m.create(mask2), cache, true).toFloatArray();

            long[][] alone = {{7, 3, 22, 9}, {5, 5, 0, 39, 12, 30}};
            for (int row = 0; row < 2; row++) {
                float[] ref = logits(block, m, new long[][] {alone[row]});
                int n = alone[row].length;
                float[] refPrefill = Arrays.copyOfRange(ref, (n - 2) * 40, (n - 1) * 40);
                float[] refStep = Arrays.copyOfRange(ref, (n - 1) * 40, n * 40);
                assertTrue(worst(refPrefill, Arrays.copyOfRange(prefill, row * 40, (row + 1) * 40)) < TOL);
                assertTrue(worst(refStep, Arrays.copyOfRange(step, row * 40, (row + 1) * 40)) < TOL);
            }
        }
    }

    /** A LoRA adapter's update is in the fused weights; a forward opened before a weight change keeps the old ones. */
    @Test
    void loraAdapterIsFusedAndEachForwardKeepsItsSnapshot() throws Exception {
        Map<String, SafetensorsWriter.F32> w = TestCheckpoints.llama(24, 40, 16, 24, 2, 4, 2, 4, false, false);
        try (LoadedModel model = llama("lora", "llama", 4, 2, 4, false, false, w); NDManager m = manager.newSubManager();
                LoraModel lora = LoraModel.attach(model.model(), new LoraConfig(4, 8, 0.1,
                        List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")),
                        model.manager(), 3)) {
            for (Map.Entry<String, NDArray> e : lora.trainable().entrySet()) {
                if (e.getKey().endsWith(LoraModel.B_SUFFIX)) { // B starts at zero (PEFT): give the adapter an effect
                    try (NDArray r = m.randomNormal(0, 0.3f, e.getValue().getShape(), e.getValue().getDataType())) {
                        e.getValue().addi(r);
                    }
                }
            }
            float[] before;
            try (InferenceForward block = model.model().reference(); InferenceForward fused = model.model().inference()) {
                float[] expected = logits(block, m, IDS);
                before = logits(fused, m, IDS);
                assertTrue(worst(expected, before) < TOL, "fused with LoRA vs block: " + worst(expected, before));
            }
            try (InferenceForward old = model.model().inference()) {
                for (Map.Entry<String, NDArray> e : lora.trainable().entrySet()) {
                    e.getValue().muli(2); // a training step, say
                }
                assertTrue(worst(before, logits(old, m, IDS)) < 1e-6, "an open forward must not see the change");
                try (InferenceForward block = model.model().reference(); InferenceForward now = model.model().inference()) {
                    float[] expected = logits(block, m, IDS);
                    assertTrue(worst(expected, logits(now, m, IDS)) < TOL);
                    assertTrue(worst(before, expected) > 1e-3, "the change must matter");
                }
            }
        }
    }

    @Test
    void bf16ProductsUseTheBlockForwardAndThreadsAreRestored() throws Exception {
        Map<String, SafetensorsWriter.F32> w = TestCheckpoints.llama(25, 40, 16, 24, 2, 4, 2, 4, false, false);
        try (LoadedModel model = llama("bf16", "llama", 4, 2, 4, false, false, w)) {
            int threads = JniUtils.getNumThreads();
            try (InferenceForward fused = model.model().inference()) {
                assertInstanceOf(FusedLlama.class, fused);
                assertEquals(1, JniUtils.getNumThreads(), "a tiny model decodes on one thread");
            }
            assertEquals(threads, JniUtils.getNumThreads());
            model.model().setPrecision(Precision.BF16);
            try (InferenceForward forward = model.model().inference()) {
                assertFalse(forward instanceof FusedLlama);
            }
        }
    }
}
