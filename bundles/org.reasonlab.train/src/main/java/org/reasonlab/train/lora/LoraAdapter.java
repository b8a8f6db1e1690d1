package org.reasonlab.train.lora;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import org.reasonlab.train.model.HfLinear;

/**
 * A LoRA adapter on one {@link HfLinear}: {@code y + scaling * dropout(x) A^T B^T} with A {@code [r, in]}
 * (Kaiming-uniform like PEFT, i.e. U(-1/sqrt(in), 1/sqrt(in))) and B {@code [out, r]} (zeros), so a new
 * adapter leaves the layer's output unchanged. A and B are PEFT's {@code lora_A.weight} /
 * {@code lora_B.weight} in both the Linear and the Conv1D ({@code fan_in_fan_out}) case.
 */
public final class LoraAdapter implements HfLinear.Adapter {
    private final String module;
    private final HfLinear layer;
    private final NDArray a;
    private final NDArray b;
    private final float scaling;
    private final float dropout;

    LoraAdapter(String module, HfLinear layer, LoraConfig config, NDManager manager, Random rng) {
        this.module = module;
        this.layer = layer;
        int r = config.r();
        long in = layer.inFeatures();
        long out = layer.outFeatures();
        float bound = (float) (1.0 / Math.sqrt(in));
        float[] data = new float[(int) (r * in)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (rng.nextFloat() * 2f - 1f) * bound;
        }
        a = manager.create(data, new Shape(r, in));
        b = manager.zeros(new Shape(out, r));
        a.setRequiresGradient(true);
        b.setRequiresGradient(true);
        scaling = (float) config.scaling();
        dropout = (float) config.dropout();
    }

    /** The HF module name, e.g. {@code model.layers.0.self_attn.q_proj}. */
    public String module() {
        return module;
    }

    public HfLinear layer() {
        return layer;
    }

    /** {@code lora_A.weight} [r, in]. */
    public NDArray a() {
        return a;
    }

    /** {@code lora_B.weight} [out, r]. */
    public NDArray b() {
        return b;
    }

    public float scaling() {
        return scaling;
    }

    @Override
    public NDArray apply(ParameterStore ps, NDArray x, NDArray y, boolean training) {
        NDArray in = x;
        if (training && dropout > 0) {
            in = Dropout.dropout(x, dropout, true).head();
        }
        NDArray at = a.transpose();
        at.attach(x.getManager()); // results of ops on adapter arrays would otherwise pile up on its manager
        NDArray bt = b.transpose();
        bt.attach(x.getManager());
        return y.add(in.matMul(at).matMul(bt).mul(scaling));
    }

    /** {@code scaling * B A} in the layer's weight layout ([out, in], or [in, out] for Conv1D); caller closes it. */
    @Override
    public NDArray delta(NDManager manager) {
        NDArray ba = b.matMul(a);
        ba.attach(manager);
        NDArray d = ba.mul(scaling);
        return layer.isConv1d() ? d.transpose() : d;
    }
}
