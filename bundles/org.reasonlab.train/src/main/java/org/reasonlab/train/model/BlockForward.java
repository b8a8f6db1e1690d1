package org.reasonlab.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import org.reasonlab.train.generate.KvCache;

/** The model's own DJL block forward, for inference: the reference any faster forward is tested against. */
final class BlockForward implements InferenceForward {
    private final CausalLm lm;

    BlockForward(CausalLm lm) {
        this.lm = lm;
    }

    @Override
    public NDArray logits(NDArray ids, NDArray mask, KvCache cache, boolean lastOnly) {
        NDArray logits = lm.forward(new ParameterStore(ids.getManager(), false), ids, mask, cache, false).head();
        return lastOnly ? logits.get(":, -1:, :") : logits;
    }

    @Override
    public void close() {
        // holds nothing of its own
    }
}
