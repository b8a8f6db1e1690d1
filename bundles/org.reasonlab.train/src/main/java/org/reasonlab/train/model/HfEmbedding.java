package org.reasonlab.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Token (or position) embedding: ids (B, S) int64 to (B, S, dim); weight {@code [rows, dim]}. */
public final class HfEmbedding extends AbstractBlock {
    private final long rows;
    private final long dim;
    private final Parameter weight;

    public HfEmbedding(long rows, long dim) {
        this.rows = rows;
        this.dim = dim;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
    }

    public Parameter weight() {
        return weight;
    }

    public Shape weightShape() {
        return new Shape(rows, dim);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.head();
        NDArray w = ps.getValue(weight, ids.getDevice(), training);
        Shape s = ids.getShape();
        NDArray flat = ids.reshape(-1);
        NDArray rowsOut = Ops.own(w.get(new NDIndex("{}", flat)), ids);
        return new NDList(rowsOut.reshape(s.add(dim)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(dim)};
    }
}
