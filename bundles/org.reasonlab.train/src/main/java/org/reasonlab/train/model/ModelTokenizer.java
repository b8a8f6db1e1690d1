package org.reasonlab.train.model;

import java.util.Arrays;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;

/**
 * A Hugging Face tokenizer with the model's special-token rules: {@link #encode} adds BOS the way
 * transformers does for the model (from {@code tokenizer.json}'s post-processor, corrected by
 * {@code tokenizer_config.json}'s {@code add_bos_token}); {@link #decode} skips special tokens.
 */
public final class ModelTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final Integer bosId;
    private final Boolean addBos;

    ModelTokenizer(HuggingFaceTokenizer tokenizer, Integer bosId, Boolean addBos) {
        this.tokenizer = tokenizer;
        this.bosId = bosId;
        this.addBos = addBos;
    }

    /** Token ids for a prompt, with BOS where the model expects it. */
    public long[] encode(String text) {
        long[] ids = tokenizer.encode(text, true, false).getIds();
        if (bosId == null || addBos == null) {
            return ids;
        }
        boolean starts = ids.length > 0 && ids[0] == bosId;
        if (addBos && !starts) {
            long[] out = new long[ids.length + 1];
            out[0] = bosId;
            System.arraycopy(ids, 0, out, 1, ids.length);
            return out;
        }
        if (!addBos && starts) {
            long[] plain = tokenizer.encode(text, false, false).getIds();
            if (plain.length == 0 || plain[0] != bosId) {
                return Arrays.copyOfRange(ids, 1, ids.length);
            }
        }
        return ids;
    }

    /**
     * The characters of {@code text} each id of {@link #encode} stands for, as {@code [start, end)} pairs; null for a
     * token that stands for none (BOS). From the tokenizer's offsets, so exact for the texts it maps one to one.
     */
    public int[][] spans(String text) {
        Encoding encoding = tokenizer.encode(text, true, false);
        long[] ids = encode(text);
        long[] raw = encoding.getIds();
        CharSpan[] spans = encoding.getCharTokenSpans();
        int shift = raw.length - ids.length; // encode added (-1) or removed (+1) BOS at the front
        int[][] out = new int[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            int j = i + shift;
            if (j >= 0 && j < spans.length && spans[j] != null && (bosId == null || ids[i] != bosId)) {
                out[i] = new int[] {spans[j].getStart(), spans[j].getEnd()};
            }
        }
        return out;
    }

    /** Token ids without any special tokens (for training targets). */
    public long[] encodePlain(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    /** Text of ids, special tokens skipped. */
    public String decode(long[] ids) {
        return tokenizer.decode(ids, true);
    }

    /** The BOS id, or null when the model has none. */
    public Integer bosId() {
        return bosId;
    }

    /** The underlying DJL tokenizer. */
    public HuggingFaceTokenizer raw() {
        return tokenizer;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
