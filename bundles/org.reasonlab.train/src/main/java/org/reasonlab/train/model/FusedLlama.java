package org.reasonlab.train.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.reasonlab.train.generate.KvCache;

/**
 * A Llama-family forward for inference with far fewer tensor operations per token than the DJL
 * blocks: on small models each operation's fixed cost (JNI, dispatch, array bookkeeping), not
 * arithmetic, decides the speed. It computes the same function from a copy of the weights taken
 * when it is opened, rearranged once:
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
 * models, where it pays most and costs least. Keys and values
 * go into the {@link KvCache} in the block model's layout.
 */
final class FusedLlama implements InferenceForward {
    /** Largest model (parameters) whose weights are copied for a fused forward. */
    static final long MAX_PARAMETERS = 30_000_000L;

    private final ModelConfig c;
    private final NDManager manager;
    private final NDArray embed;
    private final Layer[] layers;
    private final NDArray head;
    private final NDArray ones;
    private final NDArray zeros;
    private final int heads;
    private final int kvHeads;
    private final int headDim;
    private final float eps;
    private final IntraOpThreads threads;

    /** One layer's rearranged weights; biases null when the layer has none. */
    private record Layer(NDArray qkv, NDArray qkvBias, NDArray o, NDArray oBias, NDArray gateUp,
            NDArray gateUpBias, NDArray down, NDArray downBias) {
    }

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
        try {
            layers = new Layer[c.numLayers()];
            float scale = (float) (1.0 / Math.sqrt(headDim));
            // an operation's result belongs to the manager of the array it is called on: work on copies,
            // one layer at a time
            for (int i = 0; i < layers.length; i++) {
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
                    layers[i] = new Layer(keep(qkv.weight), keepOrNull(qkv.bias), keep(o.weight), keepOrNull(o.bias),
                            keep(gateUp.weight), keepOrNull(gateUp.bias), keep(down.weight), keepOrNull(down.bias));
                }
            }
            try (NDManager tmp = manager.newSubManager()) {
                NDArray embedding = copy(model.embedWeight(), tmp);
                embed = keep(embedding.concat(embedding.neg(), 1));
                NDArray finalNorm = copy(model.finalNorm().weight().getArray(), tmp);
                // the head reads x only (the first half of the stream): half the product of [x, -x]
                Affine lmHead = model.lmHead() == null ? new Affine(embedding.transpose(), null)
                        : Affine.of(model.lmHead(), tmp);
                head = keep(lmHead.foldNorm(finalNorm).weight);
                ones = keep(tmp.ones(new Shape(2L * c.hiddenSize())));
                zeros = keep(tmp.zeros(new Shape(2L * c.hiddenSize())));
            }
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
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

    private NDArray keepOrNull(NDArray a) {
        return a == null ? null : keep(a);
    }

    @Override
    public NDArray logits(NDArray ids, NDArray mask, KvCache cache, boolean lastOnly) {
        NDManager m = ids.getManager();
        long b = ids.getShape().get(0);
        long s = ids.getShape().get(1);
        long past = cache == null ? 0 : cache.length();
        long[] padding = cache == null ? null : cache.leftPadding();
        int rep = heads / kvHeads;
        float[][] rope = Rope.tables(c, past, s, b, padding);
        Shape ropeShape = padding == null ? new Shape(s, 1, headDim) : new Shape(b, s, 1, headDim);
        NDArray cos = m.create(rope[0], ropeShape);
        NDArray sin = m.create(rope[1], ropeShape);
        NDArray bias = attentionBias(m, mask, b, s, past, rep);
        NDArray z = own(embed.get(new NDIndex("{}", ids.reshape(-1))), m).reshape(b, s, 2L * c.hiddenSize());
        long qkHeads = heads + kvHeads;
        for (int i = 0; i < layers.length; i++) {
            Layer l = layers[i];
            NDList parts = affine(normalized(z), l.qkv, l.qkvBias).reshape(b, s, 2 * qkHeads + kvHeads, headDim)
                    .split(new long[] {qkHeads, 2 * qkHeads}, 2);
            NDList qk = parts.get(0).mul(cos).add(parts.get(1).mul(sin)).split(new long[] {heads}, 2);
            NDArray q;
            NDArray k;
            NDArray v;
            if (s == 1) { // (B, 1, heads, hd) is already laid out as (B, heads, 1, hd)
                q = qk.get(0).reshape(b, kvHeads, rep, headDim);
                k = qk.get(1).reshape(b, kvHeads, 1, headDim);
                v = parts.get(2).reshape(b, kvHeads, 1, headDim);
            } else {
                q = qk.get(0).transpose(0, 2, 1, 3).reshape(b, kvHeads, rep * s, headDim);
                k = qk.get(1).transpose(0, 2, 1, 3);
                v = parts.get(2).transpose(0, 2, 1, 3);
            }
            if (cache != null) {
                NDArray[] all = cache.append(i, k, v);
                k = all[0];
                v = all[1];
            }
            NDArray scores = q.matMul(k.transpose(0, 1, 3, 2));
            if (bias != null) {
                scores = scores.add(bias);
            }
            NDArray y = own(scores.softmax(3).matMul(v), m);
            y = s == 1 ? y.reshape(b, 1, (long) heads * headDim)
                    : y.reshape(b, heads, s, headDim).transpose(0, 2, 1, 3).reshape(b, s, (long) heads * headDim);
            z = z.add(affine(y, l.o, l.oBias));
            NDList gateUp = affine(normalized(z), l.gateUp, l.gateUpBias).split(2, 2);
            NDArray gate = gateUp.get(0);
            z = z.add(affine(gate.mul(Activation.sigmoid(gate)).mul(gateUp.get(1)), l.down, l.downBias));
        }
        NDArray x = normalized(lastOnly && s > 1 ? z.get(":, -1:, :") : z).get(new NDIndex().addAllDim(2)
                .addSliceDim(0, c.hiddenSize()));
        return x.matMul(head);
    }

    /**
     * RMSNorm without its weight (folded into the next product) in one operation: the residual
     * stream is kept as {@code [x, -x]}, whose mean is 0 and whose variance is mean(x^2), so layer
     * normalisation of it is {@code [x, -x] / sqrt(mean(x^2) + eps)}.
     */
    private NDArray normalized(NDArray z) {
        return z.getNDArrayInternal().layerNorm(z, new Shape(z.getShape().get(2)), ones, zeros, eps).head();
    }

    private static NDArray affine(NDArray x, NDArray weight, NDArray bias) {
        NDArray y = x.matMul(weight);
        return bias == null ? y : y.add(bias);
    }

    private static NDArray own(NDArray a, NDManager m) {
        if (a.getManager() != m) {
            a.attach(m);
        }
        return a;
    }

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
