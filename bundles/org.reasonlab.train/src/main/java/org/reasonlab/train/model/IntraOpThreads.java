package org.reasonlab.train.model;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Caps libtorch's intra-op threads for a while. A tiny model's operations are far too small to
 * split: on 2 cores stories260K generates about twice as fast on one thread as on two, whereas
 * training's larger products gain from every core. libtorch's setting is process-wide (its thread
 * pools and MKL follow it); the trainer runs all tensor work on one thread, one forward at a time.
 */
final class IntraOpThreads implements AutoCloseable {
    /** Hidden sizes up to this decode on one thread. */
    static final int SINGLE_THREAD_MAX_HIDDEN = 256;

    private final int previous;

    private IntraOpThreads(int previous) {
        this.previous = previous;
    }

    /** One thread for a small model on the CPU, else no change; close to restore. */
    static IntraOpThreads forModel(ModelConfig config, Device device) {
        if (!Device.Type.CPU.equals(device.getDeviceType()) || config.hiddenSize() > SINGLE_THREAD_MAX_HIDDEN) {
            return new IntraOpThreads(-1);
        }
        int now = JniUtils.getNumThreads();
        if (now <= 1) {
            return new IntraOpThreads(-1);
        }
        JniUtils.setNumThreads(1);
        return new IntraOpThreads(now);
    }

    @Override
    public void close() {
        if (previous > 0) {
            JniUtils.setNumThreads(previous);
        }
    }
}
