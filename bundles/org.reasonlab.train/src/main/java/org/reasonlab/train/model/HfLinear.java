package org.reasonlab.train.model;

import java.util.Objects;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A dense layer whose weight keeps the checkpoint's layout: {@code [out, in]} for torch
 * {@code nn.Linear} (Llama), or {@code [in, out]} for GPT-2's {@code Conv1D}. Input (..., in),
 * output (..., out). Parameters are named {@code weight} and {@code bias} like in Hugging Face.
 * Under {@link Precision#BF16} (or with a weight stored in bf16) the product is computed in bf16
 * and returned as float32 ({@link Bf16#linear}); the bias and a LoRA adapter are added in float32.
 */
public final class HfLinear extends AbstractBlock {
    private final long in;
    private final long out;
    private final boolean conv1d;
    private final Parameter weight;
    private final Parameter bias;
    /**
     * Optional low-rank adapter (LoRA hook, set by {@code org.reasonlab.train.lora}). Null = plain
     * layer, exactly the behaviour without the hook. Not a DJL child block: its arrays are owned
     * and trained by the adapter itself, so the base model's parameter set is unchanged.
     */
    private volatile Adapter adapter;
    private volatile Precision precision = Precision.FP32;

    /** A residual added to this layer's output: {@code y + delta(x)}. */
    public interface Adapter {
        /**
         * @param x the layer input (..., in)
         * @param y the base output (..., out), bias included
         * @return the output to use instead of {@code y}
         */
        NDArray apply(ParameterStore ps, NDArray x, NDArray y, boolean training);

        /**
         * What the adapter adds to the weight, in the layer's weight layout, without dropout (the
         * weight a merged model would have, less the base's); on {@code manager}, which the caller closes.
         */
        NDArray delta(NDManager manager);
    }

    public HfLinear(long in, long out, boolean hasBias, boolean conv1d) {
        this.in = in;
        this.out = out;
        this.conv1d = conv1d;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = hasBias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build()) : null;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias parameter, or null. */
    public Parameter bias() {
        return bias;
    }

    public long inFeatures() {
        return in;
    }

    public long outFeatures() {
        return out;
    }

    /** The attached adapter, or null. */
    public Adapter adapter() {
        return adapter;
    }

    /** Attaches an adapter (LoRA hook); null removes it. */
    public void setAdapter(Adapter adapter) {
        this.adapter = adapter;
    }

    /** The precision of the matrix product (set for the whole model by {@link CausalLm#setPrecision}). */
    public Precision precision() {
        return precision;
    }

    public void setPrecision(Precision precision) {
        this.precision = Objects.requireNonNull(precision, "precision");
    }

    public boolean isConv1d() {
        return conv1d;
    }

    /** The weight's shape as stored in the checkpoint. */
    public Shape weightShape() {
        return conv1d ? new Shape(in, out) : new Shape(out, in);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        NDArray y = Ops.linear(x, w, conv1d, precision);
        if (bias != null) {
            y = y.add(ps.getValue(bias, x.getDevice(), training));
        }
        Adapter a = adapter; // LoRA hook: absent (null) for plain layers
        if (a != null) {
            y = a.apply(ps, x, y, training);
        }
        return new NDList(y);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {s.slice(0, s.dimension() - 1).add(out)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no children
    }
}
