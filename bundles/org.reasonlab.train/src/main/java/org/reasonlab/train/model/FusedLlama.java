package org.reasonlab.train.model;

import java.util.ArrayList;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import org.reasonlab.train.generate.KvCache;

/**
 * A Llama-family forward for inference with far fewer tensor operations per token than the DJL
 * blocks, issued by one TorchScript call ({@link #SOURCE}, loaded through {@link TorchScriptModule})
 * instead of one JNI call and one Java array each: on small models each operation's fixed cost
 * (JNI, dispatch, array bookkeeping), not arithmetic, decides the speed. It computes the same
 * function from a copy of the weights taken when it is opened, rearranged once:
 * <ul>
 * <li>q, k and v come from one product whose weight also holds {@code rotate_half} of the q and k
 * columns, so RoPE is two multiplications and an addition ({@code rotate_half} is linear);</li>
 * <li>gate and up projections are one product; the attention scale is folded into the q columns;</li>
 * <li>RMSNorm is one layer normalisation: the residual stream is kept as {@code [x, -x]} (mean 0,
 * variance mean(x^2)); each norm's weight is folded into the product after it;</li>
 * <li>query heads sharing a key/value head (GQA) are stacked instead of repeating keys and
 * values; no attention bias at all for a single unpadded new token;</li>
 * <li>a LoRA adapter's update is part of the copied weight ({@link HfLinear.Adapter#delta}).</li>
 * </ul>
 * While open, a small model computes on one intra-op thread ({@link IntraOpThreads}).
 * The copy takes about 2.5 times the weights' memory (the stream's negated half, the rotated q and k)
 * and is made at each opening, so only models up to {@link #MAX_PARAMETERS} are fused: small
 * models, where it pays most and costs least. Keys and values go into the {@link KvCache}'s
 * buffers in the block model's layout, written in place by the step.
 */
final class FusedLlama implements InferenceForward {
    /** Largest model (parameters) whose weights are copied for a fused forward. */
    static final long MAX_PARAMETERS = 30_000_000L;

    private final ModelConfig c;
    private final NDManager manager;
    /** The rearranged weights as the step takes them ({@link #SOURCE}). */
    private final IValue weights;
    /** layers, heads, kvHeads, headDim, hidden; and eps, as the step takes them. */
    private final IValue dims;
    private final IValue epsilon;
    private final int heads;
    private final int kvHeads;
    private final int headDim;
    private final float eps;
    private final IntraOpThreads threads;
    /** Stands in for the attention bias when there is none (the step's argument is a tensor). */
    private final PtNDArray noBias;

    /** Whether {@code model} can be fused: float32 products and weights, and not larger than {@link #MAX_PARAMETERS}. */
    static boolean supports(LlamaModel model) {
        if (model.precision() != Precision.FP32) {
            return false;
        }
        long params = 0;
        for (ai.djl.nn.Parameter p : model.namedParameters().values()) {
            if (!p.isInitialized() || p.getArray().getDataType() != DataType.FLOAT32) {
                return false;
            }
            params += p.getArray().size();
        }
        return params <= MAX_PARAMETERS;
    }

    FusedLlama(LlamaModel model) {
        c = model.config();
        heads = c.numHeads();
        kvHeads = c.numKvHeads();
        headDim = c.headDim();
        eps = (float) c.normEps();
        Device device = model.embedWeight().getDevice();
        manager = model.embedWeight().getManager().newSubManager();
        List<NDArray> w = new ArrayList<>();
        IValue weightList = null;
        IValue dimList = null;
        IValue epsValue = null;
        try {
            try (NDManager tmp = manager.newSubManager()) {
                NDArray embedding = copy(model.embedWeight(), tmp);
                w.add(keep(embedding.concat(embedding.neg(), 1)));
                w.add(keep(tmp.ones(new Shape(2L * c.hiddenSize()))));
                w.add(keep(tmp.zeros(new Shape(2L * c.hiddenSize()))));
                NDArray finalNorm = copy(model.finalNorm().weight().getArray(), tmp);
                // the head reads x only (the first half of the stream): half the product of [x, -x]
                Affine lmHead = model.lmHead() == null ? new Affine(embedding.transpose(), null)
                        : Affine.of(model.lmHead(), tmp);
                w.add(keep(lmHead.foldNorm(finalNorm).weight));
            }
            float scale = (float) (1.0 / Math.sqrt(headDim));
            // an operation's result belongs to the manager of the array it is called on: work on copies,
            // one layer at a time
            for (int i = 0; i < c.numLayers(); i++) {
                try (NDManager tmp = manager.newSubManager()) {
                    LlamaModel.Layer l = model.layer(i);
                    NDArray inNorm = copy(l.inputNorm.weight().getArray(), tmp);
                    NDArray postNorm = copy(l.postNorm.weight().getArray(), tmp);
                    Affine q = Affine.of(l.attn.q, tmp).scale(scale);
                    Affine k = Affine.of(l.attn.k, tmp);
                    Affine v = Affine.of(l.attn.v, tmp);
                    Affine qkv = Affine.concat(q, k, q.rotateHalf(heads, headDim), k.rotateHalf(kvHeads, headDim), v)
                            .foldNorm(inNorm).fromStream();
                    Affine o = Affine.of(l.attn.o, tmp).toStream();
                    Affine gateUp = Affine.concat(Affine.of(l.gate, tmp), Affine.of(l.up, tmp)).foldNorm(postNorm)
                            .fromStream();
                    Affine down = Affine.of(l.down, tmp).toStream();
                    for (Affine a : List.of(qkv, o, gateUp, down)) {
                        w.add(keep(a.weight));
                        w.add(keep(a.bias != null ? a.bias : tmp.zeros(new Shape(a.weight.getShape().get(1)))));
                    }
                }
            }
            weightList = IValue.listFrom(w.stream().map(PtNDArray.class::cast).toArray(PtNDArray[]::new));
            dimList = IValue.listFrom(c.numLayers(), heads, kvHeads, headDim, c.hiddenSize());
            epsValue = IValue.from((double) eps);
        } catch (RuntimeException | Error e) {
            for (IValue v : new IValue[] {weightList, dimList, epsValue}) {
                if (v != null) {
                    v.close();
                }
            }
            manager.close();
            throw e;
        }
        weights = weightList;
        dims = dimList;
        epsilon = epsValue;
        noBias = (PtNDArray) manager.zeros(new Shape(1));
        threads = IntraOpThreads.forModel(c, device);
    }

    private static NDArray copy(NDArray a, NDManager m) {
        NDArray copy = a.duplicate();
        copy.attach(m);
        return copy;
    }

    /** A copy on this forward's manager: never a view of a parameter that training may change. */
    private NDArray keep(NDArray a) {
        return copy(a, manager);
    }

    @Override
    public NDArray logits(NDArray ids, NDArray mask, KvCache cache, boolean lastOnly) {
        NDManager m = ids.getManager();
        long b = ids.getShape().get(0);
        long s = ids.getShape().get(1);
        long past = cache == null ? 0 : cache.length();
        long[] padding = cache == null ? null : cache.leftPadding();
        float[][] rope = Rope.tables(c, past, s, b, padding);
        Shape ropeShape = padding == null ? new Shape(s, 1, headDim) : new Shape(b, s, 1, headDim);
        NDArray bias = attentionBias(m, mask, b, s, past, heads / kvHeads);
        NDArray[][] buffers = cache == null ? new NDArray[][] {{}, {}}
                : cache.reserve(s, new Shape(b, kvHeads, 0, headDim), DataType.FLOAT32, ids.getDevice());
        PtSymbolBlock step = Step.MODULE;
        TorchScriptModule.plainExecutor();
        try (PtNDArray cos = (PtNDArray) m.create(rope[0], ropeShape);
                PtNDArray sin = (PtNDArray) m.create(rope[1], ropeShape);
                IValue idsValue = IValue.from((PtNDArray) ids);
                IValue keys = IValue.listFrom(pt(buffers[0]));
                IValue values = IValue.listFrom(pt(buffers[1]));
                IValue cosValue = IValue.from(cos);
                IValue sinValue = IValue.from(sin);
                IValue biasValue = IValue.from(bias == null ? noBias : (PtNDArray) bias);
                IValue useBias = IValue.from(bias != null);
                IValue pastValue = IValue.from(past);
                IValue last = IValue.from(lastOnly);
                IValue out = IValueUtils.runMethod(step, "forward", idsValue, weights, keys, values, cosValue, sinValue,
                        biasValue, useBias, pastValue, dims, epsilon, last)) {
            if (cache != null) {
                cache.advance(s);
            }
            return out.toTensor((PtNDManager) m);
        } finally {
            if (bias != null) {
                bias.close();
            }
        }
    }

    private static PtNDArray[] pt(NDArray[] arrays) {
        PtNDArray[] out = new PtNDArray[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            out[i] = (PtNDArray) arrays[i];
        }
        return out;
    }

    /** The whole forward as one TorchScript call: the interpreter issues the operations, not Java. */
    private static final class Step {
        static final PtSymbolBlock MODULE = TorchScriptModule.load("FusedLlamaStep", SOURCE);
    }

    /**
     * weights: embedding [E, -E] (V, 2H), ones (2H), zeros (2H), head (H, V), then per layer q|k|rq|rk|v
     * and its bias, o and bias, gate|up and bias, down and bias (absent biases are zeros); keys/values:
     * the cache's buffers by layer (empty without a cache), written at {@code past}; dims: layers,
     * heads, kvHeads, headDim, hidden.
     */
    private static final String SOURCE = """
            class FusedLlamaStep(Module):
              __parameters__ = []
              __buffers__ = []
              training : bool
              def forward(self: __torch__.FusedLlamaStep,
                ids: Tensor,
                w: List[Tensor],
                keys: List[Tensor],
                values: List[Tensor],
                cos: Tensor,
                sin: Tensor,
                bias: Tensor,
                use_bias: bool,
                past: int,
                dims: List[int],
                eps: float,
                last_only: bool) -> Tensor:
                n_layers = dims[0]
                heads = dims[1]
                kv_heads = dims[2]
                hd = dims[3]
                hidden = dims[4]
                b = ids.size(0)
                s = ids.size(1)
                rep = heads // kv_heads
                qk = heads + kv_heads
                ones = w[1]
                zeros = w[2]
                z = torch.embedding(w[0], ids)
                for i in range(n_layers):
                  at = 4 + 8 * i
                  h = torch.layer_norm(z, [2 * hidden], ones, zeros, eps)
                  f = torch.add(torch.matmul(h, w[at]), w[at + 1]).reshape([b, s, 2 * qk + kv_heads, hd])
                  parts = torch.split_with_sizes(f, [qk, qk, kv_heads], 2)
                  r = torch.split_with_sizes(parts[0] * cos + parts[1] * sin, [heads, kv_heads], 2)
                  q = r[0].transpose(1, 2).reshape([b, kv_heads, rep * s, hd])
                  k = r[1].transpose(1, 2)
                  v = parts[2].transpose(1, 2)
                  if len(keys) > 0:
                    kb = keys[i]
                    vb = values[i]
                    kb[:, :, past:past + s] = k
                    vb[:, :, past:past + s] = v
                    k = kb[:, :, :past + s]
                    v = vb[:, :, :past + s]
                  scores = torch.matmul(q, k.transpose(2, 3))
                  if use_bias:
                    scores = scores + bias
                  y = torch.matmul(torch.softmax(scores, -1), v)
                  y = y.reshape([b, heads, s, hd]).transpose(1, 2).reshape([b, s, heads * hd])
                  z = z + torch.add(torch.matmul(y, w[at + 2]), w[at + 3])
                  h = torch.layer_norm(z, [2 * hidden], ones, zeros, eps)
                  gu = torch.chunk(torch.add(torch.matmul(h, w[at + 4]), w[at + 5]), 2, -1)
                  a = gu[0] * torch.sigmoid(gu[0]) * gu[1]
                  z = z + torch.add(torch.matmul(a, w[at + 6]), w[at + 7])
                if last_only:
                  z = z[:, -1:]
                h = torch.layer_norm(z, [2 * hidden], ones, zeros, eps)
                return torch.matmul(h[:, :, :hidden], w[3])
            """;

    /**
     * Additive bias (B|1, 1, rep*S, P+S) for the stacked query heads: 0 where a query may see a key
     * (not later than itself, and a real token when there is a mask), -1e9 elsewhere; null when a
     * single unpadded token sees everything before it.
     */
    private static NDArray attentionBias(NDManager m, NDArray mask, long b, long s, long past, int rep) {
        if (s == 1 && mask == null) {
            return null;
        }
        int t = (int) (past + s);
        long[] real = mask == null ? null : mask.toLongArray();
        int rows = real == null ? 1 : (int) b;
        int block = (int) (s * t);
        float[] bias = new float[rows * rep * block];
        for (int row = 0; row < rows; row++) {
            for (int i = 0; i < s; i++) {
                for (int j = 0; j < t; j++) {
                    boolean visible = j <= past + i && (real == null || real[row * t + j] != 0);
                    bias[row * rep * block + i * t + j] = visible ? 0f : -1e9f;
                }
            }
            for (int r = 1; r < rep; r++) {
                System.arraycopy(bias, row * rep * block, bias, row * rep * block + r * block, block);
            }
        }
        return m.create(bias, new Shape(rows, 1, rep * s, t));
    }

    @Override
    public void close() {
        threads.close();
        weights.close();
        dims.close();
        epsilon.close();
        manager.close();
    }

    /** A dense layer as the map it computes, {@code x @ weight + bias} with weight (in, out). */
    private record Affine(NDArray weight, NDArray bias) {
        /** The layer's map as it computes it now, a LoRA adapter (or any) merged in; a copy on {@code m}. */
        static Affine of(HfLinear layer, NDManager m) {
            NDArray stored = copy(layer.weight().getArray(), m);
            HfLinear.Adapter adapter = layer.adapter();
            if (adapter != null) {
                NDArray delta = adapter.delta(m);
                stored = stored.add(delta);
            }
            NDArray weight = layer.isConv1d() ? stored : stored.transpose(); // to (in, out)
            return new Affine(weight, layer.bias() == null ? null : copy(layer.bias().getArray(), m));
        }

        static Affine concat(Affine... parts) {
            NDList weights = new NDList();
            NDList biases = new NDList();
            boolean anyBias = false;
            for (Affine p : parts) {
                weights.add(p.weight);
                anyBias |= p.bias != null;
            }
            if (anyBias) {
                for (Affine p : parts) {
                    biases.add(p.bias != null ? p.bias : p.weight.getManager().zeros(new Shape(p.weight.getShape().get(1))));
                }
            }
            return new Affine(NDArrays.concat(weights, 1), anyBias ? NDArrays.concat(biases, 0) : null);
        }

        Affine scale(float f) {
            return new Affine(weight.mul(f), bias == null ? null : bias.mul(f));
        }

        /** The map followed by {@code rotate_half} on each head: [-x2, x1] over the halves of head_dim. */
        Affine rotateHalf(int numHeads, int dim) {
            return new Affine(rotate(weight, numHeads, dim), bias == null ? null : rotate(bias, numHeads, dim));
        }

        private static NDArray rotate(NDArray a, int numHeads, int dim) {
            Shape shape = a.getShape();
            Shape perHead = shape.slice(0, shape.dimension() - 1).addAll(new Shape(numHeads, dim));
            NDList halves = a.reshape(perHead).split(2, perHead.dimension() - 1);
            return halves.get(1).neg().concat(halves.get(0), perHead.dimension() - 1).reshape(shape);
        }

        /** Reads the residual stream {@code [x, -x]}: the weight gets zero rows for {@code -x}. */
        Affine fromStream() {
            return new Affine(weight.concat(weight.zerosLike(), 0), bias);
        }

        /** Writes into the residual stream {@code [x, -x]}: {@code [y, -y]}. */
        Affine toStream() {
            return new Affine(weight.concat(weight.neg(), 1), bias == null ? null : bias.concat(bias.neg(), 0));
        }

        /** {@code (x / rms(x) * w) @ W = (x / rms(x)) @ (diag(w) W)}. */
        Affine foldNorm(NDArray normWeight) {
            return new Affine(weight.mul(normWeight.reshape(-1, 1)), bias);
        }
    }
}
