package org.reasonlab.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** LayerNorm over the last axis with {@code weight} and {@code bias} (GPT-2). */
public final class HfLayerNorm extends AbstractBlock {
    private final long dim;
    private final float eps;
    private final Parameter weight;
    private final Parameter bias;

    public HfLayerNorm(long dim, double eps) {
        this.dim = dim;
        this.eps = (float) eps;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.GAMMA).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BETA).build());
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    public Shape weightShape() {
        return new Shape(dim);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        int[] last = {x.getShape().dimension() - 1};
        NDArray centred = x.sub(x.mean(last, true));
        NDArray var = centred.square().mean(last, true);
        NDArray y = centred.div(var.add(eps).sqrt());
        return new NDList(y.mul(ps.getValue(weight, x.getDevice(), training)).add(ps.getValue(bias, x.getDevice(), training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
