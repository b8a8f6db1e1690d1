package org.reasonlab.train.model;

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
 */
public final class HfLinear extends AbstractBlock {
    private final long in;
    private final long out;
    private final boolean conv1d;
    private final Parameter weight;
    private final Parameter bias;

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
        NDArray y = conv1d ? x.matMul(w) : Ops.linear(x, w);
        if (bias != null) {
            y = y.add(ps.getValue(bias, x.getDevice(), training));
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
