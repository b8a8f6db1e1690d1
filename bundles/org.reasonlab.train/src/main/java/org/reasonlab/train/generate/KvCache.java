package org.reasonlab.train.generate;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Past keys and values of every decoder layer, each (B, kvHeads, T, headDim) after RoPE, in
 * buffers allocated once for {@code capacity} tokens (doubled when a step needs more): a step
 * writes its keys and values in place and reads the past as views. Growing a fresh array every
 * step instead costs a copy of the whole past and, on machines where touching new memory is slow,
 * more than the model itself. For a batch of left-padded prompts the cache also holds each row's
 * padding, so that the model counts a row's positions from its first real token (the positions it
 * would have alone).
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private final long[] lengths;
    private final long[] leftPadding;
    private final long capacity;

    public KvCache(NDManager parent, int layers) {
        this(parent, layers, null, 0);
    }

    /**
     * @param leftPadding per batch row, the padding tokens before its prompt; null = none
     * @param capacity tokens to allocate room for at the first step (0: the first step's length)
     */
    public KvCache(NDManager parent, int layers, long[] leftPadding, long capacity) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        this.lengths = new long[layers];
        this.leftPadding = leftPadding == null ? null : leftPadding.clone();
        this.capacity = capacity;
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
        return lengths[0];
    }

    /** A layer's cached keys (B, kvHeads, length, headDim), a view owned by {@code owner}; null when empty. */
    public NDArray key(int layer, NDManager owner) {
        return past(keys[layer], lengths[layer], owner);
    }

    /** A layer's cached values, like {@link #key}. */
    public NDArray value(int layer, NDManager owner) {
        return past(values[layer], lengths[layer], owner);
    }

    /**
     * Appends a layer's new keys and values (B, kvHeads, S, headDim) and returns all of them so far,
     * {@code [keys, values]}, as views owned by the manager of {@code key}.
     */
    public NDArray[] append(int layer, NDArray key, NDArray value) {
        long len = lengths[layer];
        long s = key.getShape().get(2);
        keys[layer] = room(keys[layer], key, len, s);
        values[layer] = room(values[layer], value, len, s);
        NDIndex at = NDIndex.sliceAxis(2, len, len + s);
        keys[layer].set(at, key);
        values[layer].set(at, value);
        lengths[layer] = len + s;
        NDManager owner = key.getManager();
        return new NDArray[] {past(keys[layer], len + s, owner), past(values[layer], len + s, owner)};
    }

    /**
     * Makes room for {@code s} more tokens in every layer and returns the buffers, {@code [keys, values]}
     * by layer, each (B, kvHeads, capacity, headDim): for a forward that writes a step's keys and values
     * at {@link #length()} itself and then calls {@link #advance}.
     */
    public NDArray[][] reserve(long s, Shape like, DataType type, Device device) {
        for (int i = 0; i < keys.length; i++) {
            keys[i] = room(keys[i], like, type, device, lengths[i], s);
            values[i] = room(values[i], like, type, device, lengths[i], s);
        }
        return new NDArray[][] {keys.clone(), values.clone()};
    }

    /** Counts {@code s} tokens written into the buffers {@link #reserve} returned. */
    public void advance(long s) {
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] += s;
        }
    }

    private NDArray room(NDArray buffer, NDArray like, long len, long s) {
        return room(buffer, like.getShape(), like.getDataType(), like.getDevice(), len, s);
    }

    /** The buffer, or a larger copy of it when {@code s} more tokens do not fit; {@code shape} gives B, kvHeads, headDim. */
    private NDArray room(NDArray buffer, Shape shape, DataType type, Device device, long len, long s) {
        long have = buffer == null ? 0 : buffer.getShape().get(2);
        if (len + s <= have) {
            return buffer;
        }
        long size = Math.max(Math.max(capacity, len + s), 2 * have);
        NDArray grown = manager.zeros(new Shape(shape.get(0), shape.get(1), size, shape.get(3)), type, device);
        if (len > 0) {
            NDIndex past = NDIndex.sliceAxis(2, 0, len);
            try (NDArray old = buffer.get(past)) {
                grown.set(past, old);
            }
            buffer.close();
        }
        return grown;
    }

    private static NDArray past(NDArray buffer, long len, NDManager owner) {
        if (buffer == null || len == 0) {
            return null;
        }
        NDArray view = buffer.get(NDIndex.sliceAxis(2, 0, len));
        view.attach(owner);
        return view;
    }

    /** Forgets every cached token after the first {@code length} (the next step writes over them). */
    public void rewind(long length) {
        for (int i = 0; i < lengths.length; i++) {
            if (length < 0 || length > lengths[i]) {
                throw new IllegalArgumentException("cannot rewind " + lengths[i] + " cached tokens to " + length);
            }
            lengths[i] = length;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
