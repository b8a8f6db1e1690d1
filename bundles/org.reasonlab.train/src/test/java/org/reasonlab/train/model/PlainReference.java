package org.reasonlab.train.model;

import java.util.Map;

/**
 * Independent forward passes in plain Java loops (double accumulators) over the same weights a
 * test checkpoint holds; the DJL models must agree with them.
 */
final class PlainReference {
    private PlainReference() {
    }

    /** A weight as row-major floats with its shape. */
    record W(long[] shape, float[] data) {
        float at(int r, int c) {
            return data[(int) (r * shape[1] + c)];
        }
    }

    static W w(Map<String, SafetensorsWriter.F32> m, String name) {
        SafetensorsWriter.F32 t = m.get(name);
        return t == null ? null : new W(t.shape(), t.data());
    }

    /** y = x @ W^T + b for W [out, in]. */
    static double[] linearOutIn(double[] x, W weight, W bias) {
        int out = (int) weight.shape()[0];
        int in = (int) weight.shape()[1];
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double s = bias == null ? 0 : bias.data()[o];
            for (int i = 0; i < in; i++) {
                s += x[i] * weight.at(o, i);
            }
            y[o] = s;
        }
        return y;
    }

    /** y = x @ W + b for W [in, out] (GPT-2 Conv1D). */
    static double[] linearInOut(double[] x, W weight, W bias) {
        int in = (int) weight.shape()[0];
        int out = (int) weight.shape()[1];
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double s = bias == null ? 0 : bias.data()[o];
            for (int i = 0; i < in; i++) {
                s += x[i] * weight.at(i, o);
            }
            y[o] = s;
        }
        return y;
    }

    static double[] rmsNorm(double[] x, W w, double eps) {
        double ms = 0;
        for (double v : x) {
            ms += v * v;
        }
        ms /= x.length;
        double inv = 1.0 / Math.sqrt(ms + eps);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * inv * w.data()[i];
        }
        return y;
    }

    static double[] layerNorm(double[] x, W w, W b, double eps) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (x[i] - mean) / Math.sqrt(var + eps) * w.data()[i] + b.data()[i];
        }
        return y;
    }

    /** Rotates one head vector at position pos, HF rotate_half convention. */
    static void rope(double[] v, int offset, int hd, int pos, double theta) {
        int half = hd / 2;
        double[] out = new double[hd];
        for (int j = 0; j < half; j++) {
            double angle = pos * Math.pow(theta, -2.0 * j / hd);
            double x1 = v[offset + j];
            double x2 = v[offset + j + half];
            out[j] = x1 * Math.cos(angle) - x2 * Math.sin(angle);
            out[j + half] = x2 * Math.cos(angle) + x1 * Math.sin(angle);
        }
        System.arraycopy(out, 0, v, offset, hd);
    }

    /** Causal softmax attention; query head h reads key/value head h / (heads / kvHeads). */
    static double[][] attention(double[][] q, double[][] k, double[][] v, int heads, int kvHeads, int hd) {
        int s = q.length;
        double[][] out = new double[s][heads * hd];
        for (int h = 0; h < heads; h++) {
            int kh = h / (heads / kvHeads);
            for (int i = 0; i < s; i++) {
                double[] sc = new double[i + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j <= i; j++) {
                    double d = 0;
                    for (int c = 0; c < hd; c++) {
                        d += q[i][h * hd + c] * k[j][kh * hd + c];
                    }
                    sc[j] = d / Math.sqrt(hd);
                    max = Math.max(max, sc[j]);
                }
                double sum = 0;
                for (int j = 0; j <= i; j++) {
                    sc[j] = Math.exp(sc[j] - max);
                    sum += sc[j];
                }
                for (int j = 0; j <= i; j++) {
                    for (int c = 0; c < hd; c++) {
                        out[i][h * hd + c] += sc[j] / sum * v[j][kh * hd + c];
                    }
                }
            }
        }
        return out;
    }

    static double[] add(double[] a, double[] b) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = a[i] + b[i];
        }
        return y;
    }

    /** Llama logits (S, V) for one sequence. */
    static double[][] llama(Map<String, SafetensorsWriter.F32> m, long[] ids, int layers, int heads, int kvHeads, int hd,
            double eps, double theta, boolean tied) {
        int s = ids.length;
        W emb = w(m, "model.embed_tokens.weight");
        int d = (int) emb.shape()[1];
        double[][] x = new double[s][d];
        for (int i = 0; i < s; i++) {
            for (int c = 0; c < d; c++) {
                x[i][c] = emb.at((int) ids[i], c);
            }
        }
        for (int l = 0; l < layers; l++) {
            String p = "model.layers." + l + ".";
            double[][] q = new double[s][];
            double[][] k = new double[s][];
            double[][] v = new double[s][];
            for (int i = 0; i < s; i++) {
                double[] h = rmsNorm(x[i], w(m, p + "input_layernorm.weight"), eps);
                q[i] = linearOutIn(h, w(m, p + "self_attn.q_proj.weight"), w(m, p + "self_attn.q_proj.bias"));
                k[i] = linearOutIn(h, w(m, p + "self_attn.k_proj.weight"), w(m, p + "self_attn.k_proj.bias"));
                v[i] = linearOutIn(h, w(m, p + "self_attn.v_proj.weight"), w(m, p + "self_attn.v_proj.bias"));
                for (int h2 = 0; h2 < heads; h2++) {
                    rope(q[i], h2 * hd, hd, i, theta);
                }
                for (int h2 = 0; h2 < kvHeads; h2++) {
                    rope(k[i], h2 * hd, hd, i, theta);
                }
            }
            double[][] att = attention(q, k, v, heads, kvHeads, hd);
            for (int i = 0; i < s; i++) {
                x[i] = add(x[i], linearOutIn(att[i], w(m, p + "self_attn.o_proj.weight"), w(m, p + "self_attn.o_proj.bias")));
                double[] h = rmsNorm(x[i], w(m, p + "post_attention_layernorm.weight"), eps);
                double[] g = linearOutIn(h, w(m, p + "mlp.gate_proj.weight"), null);
                double[] u = linearOutIn(h, w(m, p + "mlp.up_proj.weight"), null);
                for (int c = 0; c < g.length; c++) {
                    g[c] = g[c] / (1 + Math.exp(-g[c])) * u[c];
                }
                x[i] = add(x[i], linearOutIn(g, w(m, p + "mlp.down_proj.weight"), null));
            }
        }
        W head = tied ? emb : w(m, "lm_head.weight");
        double[][] logits = new double[s][];
        for (int i = 0; i < s; i++) {
            logits[i] = linearOutIn(rmsNorm(x[i], w(m, "model.norm.weight"), eps), head, null);
        }
        return logits;
    }

    /** GPT-2 logits (S, V) for one sequence; {@code prefix} is "transformer." or "". */
    static double[][] gpt2(Map<String, SafetensorsWriter.F32> m, String prefix, long[] ids, int layers, int heads,
            double eps) {
        int s = ids.length;
        W wte = w(m, prefix + "wte.weight");
        W wpe = w(m, prefix + "wpe.weight");
        int d = (int) wte.shape()[1];
        int hd = d / heads;
        double[][] x = new double[s][d];
        for (int i = 0; i < s; i++) {
            for (int c = 0; c < d; c++) {
                x[i][c] = wte.at((int) ids[i], c) + wpe.at(i, c);
            }
        }
        for (int l = 0; l < layers; l++) {
            String p = prefix + "h." + l + ".";
            double[][] q = new double[s][d];
            double[][] k = new double[s][d];
            double[][] v = new double[s][d];
            for (int i = 0; i < s; i++) {
                double[] h = layerNorm(x[i], w(m, p + "ln_1.weight"), w(m, p + "ln_1.bias"), eps);
                double[] qkv = linearInOut(h, w(m, p + "attn.c_attn.weight"), w(m, p + "attn.c_attn.bias"));
                System.arraycopy(qkv, 0, q[i], 0, d);
                System.arraycopy(qkv, d, k[i], 0, d);
                System.arraycopy(qkv, 2 * d, v[i], 0, d);
            }
            double[][] att = attention(q, k, v, heads, heads, hd);
            for (int i = 0; i < s; i++) {
                x[i] = add(x[i], linearInOut(att[i], w(m, p + "attn.c_proj.weight"), w(m, p + "attn.c_proj.bias")));
                double[] h = layerNorm(x[i], w(m, p + "ln_2.weight"), w(m, p + "ln_2.bias"), eps);
                double[] f = linearInOut(h, w(m, p + "mlp.c_fc.weight"), w(m, p + "mlp.c_fc.bias"));
                for (int c = 0; c < f.length; c++) {
                    double z = f[c];
                    f[c] = 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z)));
                }
                x[i] = add(x[i], linearInOut(f, w(m, p + "mlp.c_proj.weight"), w(m, p + "mlp.c_proj.bias")));
            }
        }
        double[][] logits = new double[s][];
        for (int i = 0; i < s; i++) {
            logits[i] = linearOutIn(layerNorm(x[i], w(m, prefix + "ln_f.weight"), w(m, prefix + "ln_f.bias"), eps), wte, null);
        }
        return logits;
    }
}
