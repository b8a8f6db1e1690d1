package org.reasonlab.train.model;

import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.reasonlab.train.generate.KvCache;

/**
 * A decoder-only language model built from DJL blocks, with Hugging Face parameter names.
 *
 * <p>As a DJL {@link Block} (for a {@code Trainer}) it takes {@code [ids]} or {@code [ids, mask]},
 * optionally followed by past keys and values {@code k0, v0, k1, v1, ...}, and returns
 * {@code [logits, k0, v0, ...]}: ids (B, S) int64; mask (B, P+S) with 1 = token, 0 = padding;
 * logits (B, S, V); keys and values (B, kvHeads, P+S, headDim), including the past.
 */
public interface CausalLm extends AutoCloseable {
    ModelConfig config();

    /** The model as a DJL block (the object to hand to a DJL {@code Model}/{@code Trainer}). */
    Block block();

    /** Inference forward: logits (B, S, V) for ids (B, S); appends this step's keys/values to {@code cache} (nullable). */
    NDList forward(NDArray inputIds, KvCache cache);

    /**
     * Forward with an explicit parameter store (training) and optional padding mask (B, P+S) and
     * cache; returns {@code [logits]}.
     */
    NDList forward(ParameterStore parameterStore, NDArray inputIds, NDArray attentionMask, KvCache cache, boolean training);

    /**
     * The forward to generate and score with: a {@link FusedLlama} for Llama-family models in float32
     * whose weights it can copy, else the block's own forward ({@link #reference()}).
     */
    default InferenceForward inference() {
        return reference();
    }

    /** The block's own forward for inference, whatever {@link #inference()} picks. */
    default InferenceForward reference() {
        return new BlockForward(this);
    }

    /** All parameters by Hugging Face tensor name, in a stable order (a tied LM head is not listed twice). */
    Map<String, Parameter> namedParameters();

    /** The shape each named parameter must have in a checkpoint. */
    Map<String, Shape> expectedShapes();

    /** Every dense layer by Hugging Face module name (its weight's name without {@code .weight}). */
    Map<String, HfLinear> linearModules();

    /** The precision of the matrix products; {@link Precision#FP32} until set. */
    Precision precision();

    /** Sets the precision of every dense layer's product and of a tied LM head. */
    void setPrecision(Precision precision);

    /** Releases the parameter arrays. */
    @Override
    void close();
}
