package org.reasonlab.train.model;

/** The decoder families the trainer can build. */
public enum Architecture {
    /** Llama, Mistral and Qwen2: RMSNorm, RoPE, grouped-query attention, SwiGLU MLP. */
    LLAMA,
    /** GPT-2: learned positions, LayerNorm, fused Conv1D attention, GELU (tanh) MLP. */
    GPT2
}
