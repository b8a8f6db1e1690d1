package org.reasonlab.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding tables in Hugging Face's layout (the two halves of head_dim repeat the
 * same frequencies, for {@code rotate_half}), shared by the block model and {@link FusedLlama}.
 */
final class Rope {
    private Rope() {
    }

    /**
     * cos and sin for positions {@code past .. past+s-1} of every batch row, as flat
     * {@code [rows * s * headDim]} arrays; {@code rows} is 1 without left padding (all rows share
     * positions), else {@code batch}, each row counted from its first real token
     * ({@link DecoderLm#position}).
     */
    static float[][] tables(ModelConfig config, long past, long s, long batch, long[] leftPadding) {
        int hd = config.headDim();
        int half = hd / 2;
        float[] inv = new float[half];
        for (int i = 0; i < half; i++) {
            inv[i] = (float) (1.0 / Math.pow(config.ropeTheta(), (2.0 * i) / hd));
        }
        int rows = leftPadding == null ? 1 : (int) batch;
        float[] cos = new float[(int) (rows * s * hd)];
        float[] sin = new float[(int) (rows * s * hd)];
        for (int b = 0; b < rows; b++) {
            for (int p = 0; p < s; p++) {
                float pos = DecoderLm.position(past, p, leftPadding, b);
                int at = (int) ((b * s + p) * hd);
                for (int j = 0; j < hd; j++) {
                    double f = pos * inv[j % half];
                    cos[at + j] = (float) Math.cos(f);
                    sin[at + j] = (float) Math.sin(f);
                }
            }
        }
        return new float[][] {cos, sin};
    }

    /** The tables as arrays of {@code shape} (which must hold {@code rows * s * headDim} values). */
    static NDArray[] arrays(NDManager m, float[][] tables, Shape shape) {
        return new NDArray[] {m.create(tables[0], shape), m.create(tables[1], shape)};
    }
}
