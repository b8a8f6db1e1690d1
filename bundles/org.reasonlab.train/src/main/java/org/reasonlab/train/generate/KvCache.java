package org.reasonlab.train.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Past keys and values of every decoder layer, each (B, kvHeads, T, headDim) after RoPE. The
 * arrays live on the cache's own sub-manager; an update replaces (and frees) the previous ones. For
 * a batch of left-padded prompts it also holds each row's padding, so that the model counts a row's
 * positions from its first real token (the positions it would have alone).
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private final long[] leftPadding;

    public KvCache(NDManager parent, int layers) {
        this(parent, layers, null);
    }

    /** @param leftPadding per batch row, the padding tokens before its prompt; null = none */
    public KvCache(NDManager parent, int layers, long[] leftPadding) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        this.leftPadding = leftPadding == null ? null : leftPadding.clone();
    }

    /** Per batch row, the padding tokens before its prompt; null when the rows are not padded. */
    public long[] leftPadding() {
        return leftPadding == null ? null : leftPadding.clone();
    }

    public int layers() {
        return keys.length;
    }

    /** Tokens cached so far (0 when empty). */
    public long length() {
        return keys[0] == null ? 0 : keys[0].getShape().get(2);
    }

    public NDArray key(int layer) {
        return keys[layer];
    }

    public NDArray value(int layer) {
        return values[layer];
    }

    /** Stores a layer's keys/values (past included); takes ownership of the arrays. */
    public void update(int layer, NDArray key, NDArray value) {
        keys[layer] = replace(keys[layer], key);
        values[layer] = replace(values[layer], value);
    }

    private NDArray replace(NDArray old, NDArray now) {
        now.attach(manager);
        if (old != null && old != now) {
            old.close();
        }
        return now;
    }

    /** Drops all cached tokens. */
    public void clear() {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                keys[i].close();
                values[i].close();
            }
            keys[i] = null;
            values[i] = null;
        }
    }

    @Override
    public void close() {
        clear();
        manager.close();
    }
}
