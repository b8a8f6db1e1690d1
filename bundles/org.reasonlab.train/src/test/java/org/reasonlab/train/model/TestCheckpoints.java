package org.reasonlab.train.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Writes small random checkpoints in Hugging Face layout, with names and shapes spelled out here (not taken from the models). */
public final class TestCheckpoints {
    private TestCheckpoints() {
    }

    static SafetensorsWriter.F32 rand(Random r, double scale, double offset, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] a = new float[(int) n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (offset + r.nextGaussian() * scale);
        }
        return new SafetensorsWriter.F32(shape, a);
    }

    /** Llama-family weights; {@code bias} adds q/k/v biases (Qwen2 style). */
    static Map<String, SafetensorsWriter.F32> llama(long seed, int vocab, int d, int inter, int layers, int heads,
            int kvHeads, int hd, boolean tied, boolean bias) {
        Random r = new Random(seed);
        Map<String, SafetensorsWriter.F32> m = new LinkedHashMap<>();
        m.put("model.embed_tokens.weight", rand(r, 0.5, 0, vocab, d));
        for (int l = 0; l < layers; l++) {
            String p = "model.layers." + l + ".";
            m.put(p + "input_layernorm.weight", rand(r, 0.1, 1, d));
            m.put(p + "self_attn.q_proj.weight", rand(r, 0.3, 0, heads * hd, d));
            m.put(p + "self_attn.k_proj.weight", rand(r, 0.3, 0, kvHeads * hd, d));
            m.put(p + "self_attn.v_proj.weight", rand(r, 0.3, 0, kvHeads * hd, d));
            if (bias) {
                m.put(p + "self_attn.q_proj.bias", rand(r, 0.1, 0, heads * hd));
                m.put(p + "self_attn.k_proj.bias", rand(r, 0.1, 0, kvHeads * hd));
                m.put(p + "self_attn.v_proj.bias", rand(r, 0.1, 0, kvHeads * hd));
            }
            m.put(p + "self_attn.o_proj.weight", rand(r, 0.3, 0, d, heads * hd));
            m.put(p + "post_attention_layernorm.weight", rand(r, 0.1, 1, d));
            m.put(p + "mlp.gate_proj.weight", rand(r, 0.3, 0, inter, d));
            m.put(p + "mlp.up_proj.weight", rand(r, 0.3, 0, inter, d));
            m.put(p + "mlp.down_proj.weight", rand(r, 0.3, 0, d, inter));
        }
        m.put("model.norm.weight", rand(r, 0.1, 1, d));
        if (!tied) {
            m.put("lm_head.weight", rand(r, 0.3, 0, vocab, d));
        }
        return m;
    }

    public static Map<String, SafetensorsWriter.F32> gpt2(long seed, String prefix, int vocab, int d, int layers, int positions) {
        Random r = new Random(seed);
        Map<String, SafetensorsWriter.F32> m = new LinkedHashMap<>();
        m.put(prefix + "wte.weight", rand(r, 0.5, 0, vocab, d));
        m.put(prefix + "wpe.weight", rand(r, 0.2, 0, positions, d));
        for (int l = 0; l < layers; l++) {
            String p = prefix + "h." + l + ".";
            m.put(p + "ln_1.weight", rand(r, 0.1, 1, d));
            m.put(p + "ln_1.bias", rand(r, 0.1, 0, d));
            m.put(p + "attn.c_attn.weight", rand(r, 0.3, 0, d, 3L * d));
            m.put(p + "attn.c_attn.bias", rand(r, 0.1, 0, 3L * d));
            m.put(p + "attn.c_proj.weight", rand(r, 0.3, 0, d, d));
            m.put(p + "attn.c_proj.bias", rand(r, 0.1, 0, d));
            m.put(p + "ln_2.weight", rand(r, 0.1, 1, d));
            m.put(p + "ln_2.bias", rand(r, 0.1, 0, d));
            m.put(p + "mlp.c_fc.weight", rand(r, 0.3, 0, d, 4L * d));
            m.put(p + "mlp.c_fc.bias", rand(r, 0.1, 0, 4L * d));
            m.put(p + "mlp.c_proj.weight", rand(r, 0.3, 0, 4L * d, d));
            m.put(p + "mlp.c_proj.bias", rand(r, 0.1, 0, d));
        }
        m.put(prefix + "ln_f.weight", rand(r, 0.1, 1, d));
        m.put(prefix + "ln_f.bias", rand(r, 0.1, 0, d));
        return m;
    }

    /** Writes config.json, model.safetensors and a generated tokenizer.json. */
    public static Path write(Path folder, String configJson, Map<String, SafetensorsWriter.F32> weights) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.json"), configJson, StandardCharsets.UTF_8);
        SafetensorsWriter.writeF32(folder.resolve("model.safetensors"), weights, null);
        Files.writeString(folder.resolve("tokenizer.json"), TinyModelPreset.tokenizerJson(), StandardCharsets.UTF_8);
        return folder;
    }
}
