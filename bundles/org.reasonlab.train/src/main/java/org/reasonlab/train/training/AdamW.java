package org.reasonlab.train.training;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * AdamW (torch.optim.AdamW semantics: decoupled weight decay {@code p -= lr * wd * p}, bias-corrected
 * moments, eps added after the square root), with its state (first and second moments per parameter)
 * open for checkpointing. Updates the parameter arrays in place.
 */
public final class AdamW implements AutoCloseable {
    public static final String EXP_AVG = ".exp_avg";
    public static final String EXP_AVG_SQ = ".exp_avg_sq";

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final NDManager manager;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();

    public AdamW(NDManager parent, Map<String, NDArray> params, double weightDecay) {
        this(parent, params, 0.9, 0.999, 1e-8, weightDecay);
    }

    public AdamW(NDManager parent, Map<String, NDArray> params, double beta1, double beta2, double eps, double weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.manager = parent.newSubManager();
        params.forEach((name, p) -> {
            m.put(name, manager.zeros(p.getShape(), p.getDataType(), p.getDevice()));
            v.put(name, manager.zeros(p.getShape(), p.getDataType(), p.getDevice()));
        });
    }

    /**
     * One update.
     *
     * @param t       1-based optimizer step (for the bias correction)
     * @param lr      learning rate of this step
     * @param params  parameters by name (the same names as at construction)
     * @param grads   gradients by name, already clipped
     * @param scratch manager for temporaries (closed by the caller)
     */
    public void step(long t, double lr, Map<String, NDArray> params, Map<String, NDArray> grads, NDManager scratch) {
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        float stepSize = (float) (lr / bc1);
        float sqrtBc2 = (float) Math.sqrt(bc2);
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            String name = e.getKey();
            NDArray p = e.getValue();
            NDArray g = grads.get(name);
            NDArray mi = m.get(name);
            NDArray vi = v.get(name);
            try (NDManager s = scratch.newSubManager()) {
                // results of ops on p, m, v belong to s while they are temporarily attached to it
                p.tempAttach(s);
                mi.tempAttach(s);
                vi.tempAttach(s);
                g.tempAttach(s);
                if (weightDecay != 0) {
                    p.muli((float) (1 - lr * weightDecay));
                }
                mi.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
                vi.muli((float) beta2).addi(g.mul(g).muli((float) (1 - beta2)));
                NDArray denom = vi.sqrt().divi(sqrtBc2).addi((float) eps);
                p.subi(mi.div(denom).muli(stepSize));
            }
        }
    }

    /** Optimizer state: {@code name.exp_avg} and {@code name.exp_avg_sq}. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        m.forEach((k, a) -> {
            out.put(k + EXP_AVG, a);
            out.put(k + EXP_AVG_SQ, v.get(k));
        });
        return out;
    }

    /** Copies saved state in; every moment must be present with the right shape. */
    public void load(Map<String, NDArray> saved) {
        for (String k : m.keySet()) {
            copy(saved, k + EXP_AVG, m.get(k));
            copy(saved, k + EXP_AVG_SQ, v.get(k));
        }
    }

    private static void copy(Map<String, NDArray> saved, String key, NDArray target) {
        NDArray s = saved.get(key);
        if (s == null) {
            throw new IllegalArgumentException("optimizer state lacks " + key);
        }
        if (!s.getShape().equals(target.getShape())) {
            throw new IllegalArgumentException("optimizer state " + key + " has shape " + s.getShape() + ", expected "
                    + target.getShape());
        }
        target.set(s.toType(target.getDataType(), false).toByteBuffer());
    }

    @Override
    public void close() {
        manager.close();
    }
}
