package org.reasonlab.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.testing.SharedData;
import org.reasonlab.train.DjlEnvironment;

/**
 * bf16 mixed precision on the CPU (PyTorch supports bf16 there too): the choice of precision, bf16
 * weights, logits close to fp32, and gradients through the bf16 casts.
 */
class PrecisionTest {
    /**
     * bf16 keeps 8 mantissa bits (relative rounding 2^-9, about 0.2%); through a few layers the logits
     * of these small models moved by 0.2 to 0.5% of their spread; the test allows 2%.
     */
    static final double LOGIT_TOLERANCE = 0.02;

    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    @Test
    void autoTrainsInBf16WhereTheCpuMultipliesBf16AndEvaluatesInFp32OnTheCpu() {
        Precision training = CpuFeatures.nativeBf16() ? Precision.BF16 : Precision.FP32;
        assertEquals(training, Precision.resolve("auto", Device.cpu()));
        assertEquals(training, Precision.resolve(null, Device.cpu()));
        assertEquals(Precision.FP32, Precision.resolveForInference("auto", Device.cpu()));
        assertEquals(Precision.BF16, Precision.resolveForInference("bf16", Device.cpu()));
        assertTrue(CpuFeatures.nativeBf16("processor\t: 0\nflags\t\t: fpu avx512f avx512_bf16 avx512_vnni\n"));
        assertTrue(CpuFeatures.nativeBf16("flags : sse2 amx_bf16 amx_tile\nflags : sse2\n"));
        assertFalse(CpuFeatures.nativeBf16("flags\t\t: fpu avx512f avx512_vnni\nbugs\t: avx512_bf16\n"),
                "only the flags lines count");
        assertFalse(CpuFeatures.nativeBf16(""));
    }

    @Test
    void autoIsBf16OnlyOnAmpereOrNewerGpus() {
        assertFalse(Precision.bf16Capable("75")); // DJL writes major and minor together: Turing 7.5
        assertTrue(Precision.bf16Capable("80")); // A100
        assertTrue(Precision.bf16Capable("86"));
        assertTrue(Precision.bf16Capable("90")); // H100
        assertTrue(Precision.bf16Capable("120"));
        assertTrue(Precision.bf16Capable("8.0"));
        assertFalse(Precision.bf16Capable("7.0"));
        assertFalse(Precision.bf16Capable(null));
        assertFalse(Precision.bf16Capable("x"));
        assertEquals(Precision.BF16, Precision.resolve("bf16", Device.cpu()));
        assertEquals(Precision.FP32, Precision.resolve("FP32", Device.cpu()));
        assertThrows(IllegalArgumentException.class, () -> Precision.resolve("fp16", Device.cpu()));
    }

    @Test
    void bf16CastsRoundTripAndTheProductIsBf16() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.create(new float[] {1f, 1f / 3, 1000.5f, -2.75f}, new Shape(1, 4));
            NDArray b = Bf16.of(x);
            assertTrue(Bf16.is(b));
            assertFalse(Bf16.is(x));
            float[] back = Bf16.toFloat32(b).toFloatArray();
            // exact in bf16: 1, -2.75; rounded to 8 significant bits: 1/3 -> 0.333984375, 1000.5 -> 1000
            assertEquals(1f, back[0]);
            assertEquals(0.333984375f, back[1]);
            assertEquals(1000f, back[2]);
            assertEquals(-2.75f, back[3]);
            NDArray w = m.create(new float[] {1f, 0, 0, 0, 0, 1f, 0, 0}, new Shape(2, 4));
            NDArray y = Bf16.linear(x, w);
            assertEquals(DataType.FLOAT32, y.getDataType());
            assertEquals(new Shape(1, 2), y.getShape());
            assertEquals(0.333984375f, y.toFloatArray()[1]); // the input was rounded to bf16 before the product
            assertEquals(x.getManager(), y.getManager());
        }
    }

    /** Why {@link Bf16} casts in TorchScript: DJL's own toType drops the gradient (it runs under NoGradGuard). */
    @Test
    void djlToTypeRecordsNoGradientButBf16LinearDoes() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray w = m.create(new float[] {1f, 2f, 3f}, new Shape(1, 3));
            w.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(w.toType(DataType.FLOAT64, false).mul(2).sum().add(w.sum()));
            }
            assertEquals(List.of(1f, 1f, 1f), asList(w.getGradient().toFloatArray()), "DJL's cast now passes gradients");
            w.getGradient().subi(w.getGradient());
            NDArray x = m.create(new float[] {1f, 1f, 1f}, new Shape(1, 3));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(Bf16.linear(x, w).mul(2).sum().add(w.sum()));
            }
            assertEquals(List.of(3f, 3f, 3f), asList(w.getGradient().toFloatArray()));
        }
    }

    private static List<Float> asList(float[] a) {
        List<Float> out = new ArrayList<>();
        for (float v : a) {
            out.add(v);
        }
        return out;
    }

    @Test
    void bf16LogitsOfTheTinyModelAreCloseToFp32AndWeightsAreStoredInBf16() throws Exception {
        Path folder = TinyModelPreset.write(tmp.resolve("tiny"));
        long[][] ids = {{1, 80, 81, 82, 83, 90, 100, 120}};
        float[] fp32 = logits(folder, Precision.FP32, true, ids);
        float[] bf16Master = logits(folder, Precision.BF16, true, ids);
        float[] bf16Stored = logits(folder, Precision.BF16, false, ids);
        assertClose(fp32, bf16Master, "bf16 products, float32 weights");
        assertClose(fp32, bf16Stored, "bf16 products, bf16 weights");
        // rounding the weights once when stored or at every product is the same rounding
        assertEquals(0, maxAbsDiff(bf16Master, bf16Stored), 1e-6);
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu(), Precision.BF16, false)) {
            assertTrue(model.bf16Weights());
            Map<String, Parameter> p = model.model().namedParameters();
            assertTrue(Bf16.is(p.get("model.layers.0.self_attn.q_proj.weight").getArray()));
            assertTrue(Bf16.is(p.get("model.layers.1.mlp.down_proj.weight").getArray()));
            assertEquals(DataType.FLOAT32, p.get("model.embed_tokens.weight").getArray().getDataType());
            assertEquals(DataType.FLOAT32, p.get("model.norm.weight").getArray().getDataType());
            assertEquals(Precision.BF16, model.model().linearModules().get("model.layers.0.mlp.up_proj").precision());
            // the exact source stays readable for exports
            try (NDManager cpu = NDManager.newBaseManager(Device.cpu())) {
                NDArray src = model.readSource("model.layers.0.self_attn.q_proj.weight", cpu);
                assertEquals(DataType.FLOAT32, src.getDataType());
                assertEquals(new Shape(64, 64), src.getShape());
            }
        }
    }

    @Test
    void bf16LogitsOfGpt2AreClose() throws Exception {
        Path folder = TestCheckpoints.write(tmp.resolve("gpt2"), ReferenceForwardTest.GPT2_CONFIG,
                TestCheckpoints.gpt2(3, "transformer.", 40, 16, 2, 32));
        long[][] ids = ReferenceForwardTest.IDS;
        float[] fp32 = logits(folder, Precision.FP32, true, ids);
        assertClose(fp32, logits(folder, Precision.BF16, false, ids), "gpt2 bf16 (Conv1D weights in bf16)");
    }

    @Test
    void stories260kKeepsItsGreedyTokensInBf16() throws Exception {
        Path folder = SharedData.require("models/stories260K/hf");
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu())) {
            long[][] ids = {model.tokenizer().encode("Once upon a time, there was a little girl named Lily. She loved to")};
            float[] fp32 = logits(folder, Precision.FP32, true, ids);
            float[] bf16 = logits(folder, Precision.BF16, false, ids);
            assertClose(fp32, bf16, "stories260K");
            int vocab = model.config().vocabSize();
            int same = 0;
            for (int t = 0; t < ids[0].length; t++) {
                same += argmax(fp32, t * vocab, vocab) == argmax(bf16, t * vocab, vocab) ? 1 : 0;
            }
            assertTrue(same >= ids[0].length - 1, same + " of " + ids[0].length + " next-token choices agree");
        }
    }

    @Test
    void gradientsReachFloat32WeightsThroughTheBf16Products() throws Exception {
        Path folder = TinyModelPreset.write(tmp.resolve("tiny"));
        Map<String, float[]> fp32 = gradients(folder, Precision.FP32);
        Map<String, float[]> bf16 = gradients(folder, Precision.BF16);
        assertEquals(fp32.keySet(), bf16.keySet());
        for (String name : fp32.keySet()) {
            double cos = cosine(fp32.get(name), bf16.get(name));
            assertTrue(cos > 0.98, name + ": bf16 gradient has cosine " + cos + " with the fp32 one");
        }
    }

    /** Gradients of a next-token loss for every weight, with float32 master weights. */
    private static Map<String, float[]> gradients(Path folder, Precision precision) throws Exception {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu(), precision, true);
                NDManager m = model.manager().newSubManager()) {
            for (Parameter p : model.model().namedParameters().values()) {
                p.getArray().setRequiresGradient(true);
            }
            NDArray ids = m.create(new long[][] {{1, 80, 81, 82, 83, 90, 100, 120, 130}});
            NDArray input = ids.get(":, :-1");
            NDArray labels = ids.get(":, 1:");
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = model.model().forward(new ParameterStore(m, false), input, null, null, true).head();
                NDArray nll = logits.logSoftmax(-1).gather(labels.expandDims(-1), -1).neg().mean();
                gc.backward(nll);
            }
            for (Map.Entry<String, Parameter> e : model.model().namedParameters().entrySet()) {
                NDArray g = e.getValue().getArray().getGradient();
                assertEquals(DataType.FLOAT32, g.getDataType(), e.getKey());
                out.put(e.getKey(), g.toFloatArray());
            }
        }
        return out;
    }

    static float[] logits(Path folder, Precision precision, boolean trainBase, long[][] ids) throws Exception {
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu(), precision, trainBase);
                NDManager m = model.manager().newSubManager()) {
            assertEquals(precision, model.precision());
            NDArray out = model.model().forward(m.create(ids), null).head();
            assertEquals(DataType.FLOAT32, out.getDataType());
            return out.toFloatArray();
        }
    }

    /** Differences within {@link #LOGIT_TOLERANCE} of the fp32 logits' spread, but not none (bf16 was used). */
    static void assertClose(float[] fp32, float[] bf16, String what) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : fp32) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double diff = maxAbsDiff(fp32, bf16);
        double spread = max - min;
        System.out.printf("%s: max |bf16 - fp32| logit difference %.3g, %.2f%% of the logit spread %.3g%n", what, diff,
                100 * diff / spread, spread);
        assertTrue(diff <= LOGIT_TOLERANCE * spread, what + ": " + diff + " > " + LOGIT_TOLERANCE + " x " + spread);
        assertTrue(diff > 0, what + ": bf16 gave exactly the fp32 logits; was it used?");
    }

    static double maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    private static int argmax(float[] a, int from, int n) {
        int best = from;
        for (int i = from + 1; i < from + n; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best - from;
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
