package org.reasonlab.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;

/** Tensor helpers shared by the decoder blocks. */
final class Ops {
    private Ops() {
    }

    /**
     * Moves {@code a} to {@code like}'s manager. PyTorch-engine results belong to the manager of the
     * array an op is called on; results computed from a parameter (or cache) array would otherwise
     * pile up on the model's (or cache's) manager across steps.
     */
    static NDArray own(NDArray a, NDArray like) {
        NDManager m = like.getManager();
        if (a.getManager() != m) {
            a.attach(m);
        }
        return a;
    }

    /** {@code x @ w^T} for a weight stored {@code [out, in]} (torch Linear). */
    static NDArray linear(NDArray x, NDArray w) {
        return x.matMul(own(w.transpose(), x));
    }

    /**
     * The product of a dense layer: {@code x @ w^T} for {@code [out, in]}, {@code x @ w} for a Conv1D
     * weight {@code [in, out]}; in bf16 (float32 result) under {@link Precision#BF16} or when the weight
     * is stored in bf16, which a float32 product could not take.
     */
    static NDArray linear(NDArray x, NDArray w, boolean conv1d, Precision precision) {
        if (precision == Precision.BF16 || Bf16.is(w)) {
            return Bf16.linear(x, conv1d ? own(w.transpose(), x) : w);
        }
        return conv1d ? x.matMul(w) : linear(x, w);
    }

    static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /** GELU, tanh approximation (GPT-2's {@code gelu_new}). */
    static NDArray geluTanh(NDArray x) {
        NDArray inner = x.add(x.pow(3).mul(0.044715f)).mul((float) Math.sqrt(2.0 / Math.PI));
        return x.mul(0.5f).mul(inner.tanh().add(1f));
    }

    /**
     * Additive attention bias (B|1, 1, S, P+S): 0 where query position {@code past+i} may see key
     * {@code j} (j <= past+i and, with a mask, key j is a real token), a large negative value elsewhere.
     *
     * @param mask (B, P+S) with 1 = real token, 0 = padding; or null
     */
    static NDArray causalBias(NDManager m, long s, long past, NDArray mask) {
        long t = past + s;
        float[] bias = new float[(int) (s * t)];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < t; j++) {
                bias[(int) (i * t + j)] = j > past + i ? -1e9f : 0f;
            }
        }
        NDArray b = m.create(bias).reshape(1, 1, s, t);
        if (mask != null) {
            long batch = mask.getShape().get(0);
            NDArray pad = mask.toType(DataType.FLOAT32, false).sub(1f).mul(1e9f).reshape(batch, 1, 1, t);
            b = b.add(own(pad, b));
        }
        return b;
    }

    static NDList list(NDArray... arrays) {
        return new NDList(arrays);
    }
}
