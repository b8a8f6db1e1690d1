package org.reasonlab.train.generate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

/** Picks the next token from logits: greedy, or temperature / top-k / top-p sampling with a seeded RNG. */
public final class Sampler {
    private final GenerationOptions options;
    private final Random random;

    public Sampler(GenerationOptions options) {
        this.options = options;
        this.random = new Random(options.seed());
    }

    public int next(float[] logits) {
        if (options.temperature() == 0) {
            return argmax(logits);
        }
        int v = logits.length;
        Integer[] order = new Integer[v];
        for (int i = 0; i < v; i++) {
            order[i] = i;
        }
        // most likely first; ties by id so the order is deterministic
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -logits[i]).thenComparingInt(i -> i));
        int keep = options.topK() > 0 ? Math.min(options.topK(), v) : v;
        double max = logits[order[0]];
        double[] p = new double[keep];
        double sum = 0;
        for (int i = 0; i < keep; i++) {
            p[i] = Math.exp((logits[order[i]] - max) / options.temperature());
            sum += p[i];
        }
        for (int i = 0; i < keep; i++) {
            p[i] /= sum;
        }
        if (options.topP() < 1.0) {
            double cum = 0;
            int n = 0;
            while (n < keep) {
                cum += p[n++];
                if (cum >= options.topP()) {
                    break;
                }
            }
            keep = Math.max(1, n);
            sum = 0;
            for (int i = 0; i < keep; i++) {
                sum += p[i];
            }
            for (int i = 0; i < keep; i++) {
                p[i] /= sum;
            }
        }
        double u = random.nextDouble();
        double cum = 0;
        for (int i = 0; i < keep; i++) {
            cum += p[i];
            if (u < cum) {
                return order[i];
            }
        }
        return order[keep - 1];
    }

    /** Index of the largest logit (the first one on ties). */
    public static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
