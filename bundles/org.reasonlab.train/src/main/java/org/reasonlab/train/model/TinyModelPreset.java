package org.reasonlab.train.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.reasonlab.core.run.LoraRank;

/**
 * The built-in {@code tiny} preset: a small randomly initialised Llama (dim 64, 2 layers, 4 heads,
 * 2 KV heads) with a character-level tokenizer the project generates (printable ASCII plus UTF-8
 * byte fallback, SentencePiece-style {@code ▁} for spaces). Writing it needs no DJL engine and no
 * download, and the same seed always gives the same files. UNTRAINED: for smoke tests only.
 */
public final class TinyModelPreset {
    public static final String NAME = "tiny";
    public static final long DEFAULT_SEED = 20240611L;
    public static final int UNK = 0;
    public static final int BOS = 1;
    public static final int EOS = 2;
    private static final int FIRST_BYTE = 3;
    private static final int FIRST_CHAR = FIRST_BYTE + 256;
    /** Space is written as U+2581 like SentencePiece does. */
    private static final String SPACE = "\u2581";

    private TinyModelPreset() {
    }

    /** Vocabulary: 3 specials, 256 byte tokens, 95 printable ASCII characters (space as ▁). */
    public static int vocabSize() {
        return FIRST_CHAR + 95;
    }

    public static ModelConfig config() {
        return new ModelConfig(Architecture.LLAMA, "llama", LoraRank.TINY_HIDDEN_SIZE, 128, 2, 4, 2, 16, vocabSize(), 512, 1e-5, 10000.0,
                true, false, false, false, BOS, List.of(EOS));
    }

    /** Writes the preset with the default seed. */
    public static Path write(Path folder) throws IOException {
        return write(folder, DEFAULT_SEED);
    }

    /** Writes config.json, model.safetensors, tokenizer.json, tokenizer_config.json and README.md into {@code folder}. */
    public static Path write(Path folder, long seed) throws IOException {
        Files.createDirectories(folder);
        ModelConfig c = config();
        Files.writeString(folder.resolve("config.json"), c.toJson(), StandardCharsets.UTF_8);
        SafetensorsWriter.writeF32(folder.resolve(SafetensorsReader.SINGLE_FILE), randomWeights(c, seed),
                Map.of("reasonlab_preset", NAME, "seed", Long.toString(seed)));
        Files.writeString(folder.resolve(TokenizerLoader.TOKENIZER_FILE), tokenizerJson(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(TokenizerLoader.TOKENIZER_CONFIG_FILE),
                "{\n  \"add_bos_token\": true,\n  \"add_eos_token\": false,\n  \"bos_token\": \"<s>\",\n"
                        + "  \"eos_token\": \"</s>\",\n  \"unk_token\": \"<unk>\"\n}\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("README.md"), "# ReasonLab `tiny` preset\n\n"
                + "UNTRAINED: random weights, for smoke tests.\n\n"
                + "A Llama-layout model (hidden 64, 2 layers, 4 heads, 2 KV heads, vocab " + c.vocabSize()
                + ") with a generated character-level tokenizer, seed " + seed + ". Its output is noise.\n",
                StandardCharsets.UTF_8);
        return folder;
    }

    /** Random weights in Hugging Face names: normal(0, 0.02) matrices, norms at 1. */
    static Map<String, SafetensorsWriter.F32> randomWeights(ModelConfig c, long seed) {
        // shapes come from the same table the loader checks, so writer and loader cannot disagree
        CausalLm shapesOnly = ModelLoader.create(c);
        Random rng = new Random(seed);
        Map<String, SafetensorsWriter.F32> out = new LinkedHashMap<>();
        shapesOnly.expectedShapes().forEach((name, shape) -> {
            long[] dims = shape.getShape();
            float[] data = new float[(int) shape.size()];
            if (name.endsWith("norm.weight")) {
                Arrays.fill(data, 1f);
            } else if (!name.endsWith(".bias")) {
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) (rng.nextGaussian() * 0.02);
                }
            }
            out.put(name, new SafetensorsWriter.F32(dims, data));
        });
        return out;
    }

    /** A tokenizer.json (Hugging Face tokenizers format): BPE without merges over characters, byte fallback. */
    public static String tokenizerJson() {
        JsonObject vocab = new JsonObject();
        vocab.addProperty("<unk>", UNK);
        vocab.addProperty("<s>", BOS);
        vocab.addProperty("</s>", EOS);
        for (int b = 0; b < 256; b++) {
            vocab.addProperty(String.format(Locale.ROOT, "<0x%02X>", b), FIRST_BYTE + b);
        }
        for (int ch = 0x20; ch <= 0x7e; ch++) {
            vocab.addProperty(ch == ' ' ? SPACE : String.valueOf((char) ch), FIRST_CHAR + ch - 0x20);
        }
        JsonObject model = new JsonObject();
        model.addProperty("type", "BPE");
        model.add("dropout", JsonNull.INSTANCE);
        model.addProperty("unk_token", "<unk>");
        model.add("continuing_subword_prefix", JsonNull.INSTANCE);
        model.add("end_of_word_suffix", JsonNull.INSTANCE);
        model.addProperty("fuse_unk", true);
        model.addProperty("byte_fallback", true);
        model.addProperty("ignore_merges", false);
        model.add("vocab", vocab);
        model.add("merges", new JsonArray());

        JsonArray added = new JsonArray();
        String[] specials = {"<unk>", "<s>", "</s>"};
        for (int i = 0; i < specials.length; i++) {
            JsonObject t = new JsonObject();
            t.addProperty("id", i);
            t.addProperty("content", specials[i]);
            t.addProperty("single_word", false);
            t.addProperty("lstrip", false);
            t.addProperty("rstrip", false);
            t.addProperty("normalized", false);
            t.addProperty("special", true);
            added.add(t);
        }
        JsonObject normalizer = new JsonObject();
        normalizer.addProperty("type", "Replace");
        JsonObject pattern = new JsonObject();
        pattern.addProperty("String", " ");
        normalizer.add("pattern", pattern);
        normalizer.addProperty("content", SPACE);

        JsonObject post = new JsonObject();
        post.addProperty("type", "TemplateProcessing");
        JsonArray single = new JsonArray();
        single.add(special("<s>"));
        single.add(sequence("A"));
        JsonArray pair = new JsonArray();
        pair.add(special("<s>"));
        pair.add(sequence("A"));
        pair.add(special("<s>"));
        pair.add(sequence("B"));
        post.add("single", single);
        post.add("pair", pair);
        JsonObject st = new JsonObject();
        JsonObject bos = new JsonObject();
        bos.addProperty("id", "<s>");
        JsonArray bosIds = new JsonArray();
        bosIds.add(BOS);
        bos.add("ids", bosIds);
        JsonArray bosTokens = new JsonArray();
        bosTokens.add("<s>");
        bos.add("tokens", bosTokens);
        st.add("<s>", bos);
        post.add("special_tokens", st);

        JsonObject decoder = new JsonObject();
        decoder.addProperty("type", "Sequence");
        JsonArray decoders = new JsonArray();
        JsonObject replace = new JsonObject();
        replace.addProperty("type", "Replace");
        JsonObject rp = new JsonObject();
        rp.addProperty("String", SPACE);
        replace.add("pattern", rp);
        replace.addProperty("content", " ");
        decoders.add(replace);
        JsonObject fallback = new JsonObject();
        fallback.addProperty("type", "ByteFallback");
        decoders.add(fallback);
        JsonObject fuse = new JsonObject();
        fuse.addProperty("type", "Fuse");
        decoders.add(fuse);
        decoder.add("decoders", decoders);

        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("truncation", JsonNull.INSTANCE);
        root.add("padding", JsonNull.INSTANCE);
        root.add("added_tokens", added);
        root.add("normalizer", normalizer);
        root.add("pre_tokenizer", JsonNull.INSTANCE);
        root.add("post_processor", post);
        root.add("decoder", decoder);
        root.add("model", model);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root) + "\n";
    }

    private static JsonObject special(String id) {
        JsonObject inner = new JsonObject();
        inner.addProperty("id", id);
        inner.addProperty("type_id", 0);
        JsonObject o = new JsonObject();
        o.add("SpecialToken", inner);
        return o;
    }

    private static JsonObject sequence(String id) {
        JsonObject inner = new JsonObject();
        inner.addProperty("id", id);
        inner.addProperty("type_id", 0);
        JsonObject o = new JsonObject();
        o.add("Sequence", inner);
        return o;
    }
}

