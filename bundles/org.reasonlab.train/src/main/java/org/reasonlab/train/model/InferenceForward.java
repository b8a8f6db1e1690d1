package org.reasonlab.train.model;

import ai.djl.ndarray.NDArray;
import org.reasonlab.train.generate.KvCache;

/**
 * The forward pass generation and scoring run ({@link CausalLm#inference()}): no gradients, no
 * dropout. Open one per generation or scoring call and close it after: it may hold a copy of the
 * weights as they were when it was opened.
 */
public interface InferenceForward extends AutoCloseable {
    /**
     * Logits for {@code ids} (B, S) int64, on the manager of {@code ids}: (B, S, V), or (B, 1, V) for
     * the last position only when {@code lastOnly}. {@code mask} (B, P+S), 1 = token and 0 = padding,
     * may be null; the step's keys and values are appended to {@code cache} (nullable). The logits are for
     * reading: they may be inference-mode tensors, which refuse in-place changes and autograd.
     */
    NDArray logits(NDArray ids, NDArray mask, KvCache cache, boolean lastOnly);

    @Override
    void close();
}
