package org.reasonlab.train.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A causal LM's hyper-parameters, read from a Hugging Face {@code config.json}. Llama, Mistral and
 * Qwen2 map to {@link Architecture#LLAMA}; GPT-2 to {@link Architecture#GPT2}. GPT-2's own field
 * names ({@code n_embd}, ...) are mapped onto the common ones.
 *
 * @param architecture      decoder family
 * @param modelType         the {@code model_type} as written (lower case)
 * @param hiddenSize        model width
 * @param intermediateSize  MLP width
 * @param numLayers         decoder layers
 * @param numHeads          attention (query) heads
 * @param numKvHeads        key/value heads (GQA); equals numHeads without GQA
 * @param headDim           per-head width
 * @param vocabSize         embedding rows
 * @param maxPositions      context length the model was trained for
 * @param normEps           RMSNorm / LayerNorm epsilon
 * @param ropeTheta         RoPE base (Llama family only)
 * @param tieWordEmbeddings whether the LM head reuses the token embedding
 * @param qkvBias           q/k/v projections have a bias (Qwen2, Llama with attention_bias)
 * @param outputBias        the attention output projection has a bias (Llama with attention_bias)
 * @param mlpBias           the MLP projections have a bias (Llama with mlp_bias)
 * @param bosTokenId        beginning-of-sequence id, or null
 * @param eosTokenIds       end-of-sequence ids (HF allows a list), possibly empty
 */
public record ModelConfig(Architecture architecture, String modelType, int hiddenSize, int intermediateSize,
        int numLayers, int numHeads, int numKvHeads, int headDim, int vocabSize, int maxPositions, double normEps,
        double ropeTheta, boolean tieWordEmbeddings, boolean qkvBias, boolean outputBias, boolean mlpBias,
        Integer bosTokenId, List<Integer> eosTokenIds) {

    public ModelConfig {
        eosTokenIds = List.copyOf(eosTokenIds);
    }

    /** Reads {@code config.json}; any problem is a {@link ModelLoadException} naming the file and the field. */
    public static ModelConfig read(Path configJson) throws ModelLoadException {
        String text;
        try {
            text = Files.readString(configJson, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("model config not found: " + configJson);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model config " + configJson + ": " + e.getMessage(), e);
        }
        return parse(text, configJson.toString());
    }

    /** Parses config JSON; {@code source} names the file in messages. */
    public static ModelConfig parse(String json, String source) throws ModelLoadException {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                throw new ModelLoadException(source + ": not a JSON object");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ModelLoadException(source + ": invalid JSON: " + e.getMessage(), e);
        }
        Fields f = new Fields(o, source);
        String type = f.optString("model_type");
        if (type == null) {
            type = typeFromArchitectures(o);
        }
        if (type == null) {
            throw new ModelLoadException(source + ": missing required field 'model_type' (and no known 'architectures' entry)");
        }
        type = type.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "llama", "mistral", "qwen2" -> llama(f, type, source);
            case "gpt2" -> gpt2(f, source);
            default -> throw new ModelLoadException(source + ": unsupported model_type '" + type
                    + "'; supported: llama, mistral, qwen2, gpt2");
        };
    }

    private static String typeFromArchitectures(JsonObject o) {
        JsonElement a = o.get("architectures");
        if (a == null || !a.isJsonArray()) {
            return null;
        }
        for (JsonElement e : a.getAsJsonArray()) {
            String n = e.isJsonPrimitive() ? e.getAsString() : "";
            switch (n) {
                case "LlamaForCausalLM": return "llama";
                case "MistralForCausalLM": return "mistral";
                case "Qwen2ForCausalLM": return "qwen2";
                case "GPT2LMHeadModel": return "gpt2";
                default: break;
            }
        }
        return null;
    }

    private static ModelConfig llama(Fields f, String type, String source) throws ModelLoadException {
        int hidden = f.reqInt("hidden_size");
        int inter = f.reqInt("intermediate_size");
        int layers = f.reqInt("num_hidden_layers");
        int heads = f.reqInt("num_attention_heads");
        int kvHeads = f.optInt("num_key_value_heads", heads);
        int vocab = f.reqInt("vocab_size");
        int maxPos = f.optInt("max_position_embeddings", 2048);
        double eps = f.optDouble("rms_norm_eps", 1e-6);
        double theta = f.optDouble("rope_theta", 10000.0);
        boolean tie = f.optBool("tie_word_embeddings", false);
        boolean attnBias = f.optBool("attention_bias", false);
        boolean mlpBias = f.optBool("mlp_bias", false);
        boolean qwen = type.equals("qwen2");
        int headDim = f.optInt("head_dim", heads > 0 && hidden % heads == 0 ? hidden / heads : -1);
        String act = f.optString("hidden_act");
        if (act != null && !act.equals("silu") && !act.equals("swish")) {
            throw new ModelLoadException(source + ": unsupported hidden_act '" + act + "' for " + type + "; only silu is supported");
        }
        JsonElement scaling = f.o.get("rope_scaling");
        if (scaling != null && !scaling.isJsonNull()) {
            throw new ModelLoadException(source + ": rope_scaling " + scaling + " is not supported yet");
        }
        positive(source, "hidden_size", hidden);
        positive(source, "intermediate_size", inter);
        positive(source, "num_hidden_layers", layers);
        positive(source, "num_attention_heads", heads);
        positive(source, "num_key_value_heads", kvHeads);
        positive(source, "vocab_size", vocab);
        positive(source, "max_position_embeddings", maxPos);
        if (headDim <= 0) {
            throw new ModelLoadException(source + ": hidden_size " + hidden + " is not divisible by num_attention_heads "
                    + heads + " and no head_dim is given");
        }
        if (headDim % 2 != 0) {
            throw new ModelLoadException(source + ": head_dim " + headDim + " must be even for RoPE");
        }
        if (heads % kvHeads != 0) {
            throw new ModelLoadException(source + ": num_attention_heads " + heads
                    + " is not a multiple of num_key_value_heads " + kvHeads);
        }
        return new ModelConfig(Architecture.LLAMA, type, hidden, inter, layers, heads, kvHeads, headDim, vocab, maxPos,
                eps, theta, tie, attnBias || qwen, attnBias, mlpBias, f.optInteger("bos_token_id"), f.ids("eos_token_id"));
    }

    private static ModelConfig gpt2(Fields f, String source) throws ModelLoadException {
        int hidden = f.reqInt("n_embd");
        int layers = f.reqInt("n_layer");
        int heads = f.reqInt("n_head");
        int vocab = f.reqInt("vocab_size");
        int maxPos = f.o.has("n_positions") ? f.reqInt("n_positions") : f.reqInt("n_ctx");
        int inner = f.o.has("n_inner") && !f.o.get("n_inner").isJsonNull() ? f.reqInt("n_inner") : 4 * hidden;
        double eps = f.optDouble("layer_norm_epsilon", 1e-5);
        String act = f.optString("activation_function");
        if (act != null && !act.equals("gelu_new") && !act.equals("gelu_pytorch_tanh") && !act.equals("gelu_fast")) {
            throw new ModelLoadException(source + ": unsupported activation_function '" + act
                    + "' for gpt2; supported: gelu_new, gelu_pytorch_tanh");
        }
        if (f.optBool("scale_attn_by_inverse_layer_idx", false) || f.optBool("reorder_and_upcast_attn", false)) {
            throw new ModelLoadException(source + ": scale_attn_by_inverse_layer_idx / reorder_and_upcast_attn are not supported");
        }
        positive(source, "n_embd", hidden);
        positive(source, "n_layer", layers);
        positive(source, "n_head", heads);
        positive(source, "vocab_size", vocab);
        positive(source, "n_positions", maxPos);
        positive(source, "n_inner", inner);
        if (hidden % heads != 0) {
            throw new ModelLoadException(source + ": n_embd " + hidden + " is not divisible by n_head " + heads);
        }
        return new ModelConfig(Architecture.GPT2, "gpt2", hidden, inner, layers, heads, heads, hidden / heads, vocab,
                maxPos, eps, 0.0, f.optBool("tie_word_embeddings", true), true, true, true,
                f.optInteger("bos_token_id"), f.ids("eos_token_id"));
    }

    private static void positive(String source, String field, int value) throws ModelLoadException {
        if (value <= 0) {
            throw new ModelLoadException(source + ": field '" + field + "' must be positive, was " + value);
        }
    }

    /** The config as Hugging Face {@code config.json} text (used by the tiny preset and for exports). */
    public String toJson() {
        JsonObject o = new JsonObject();
        if (architecture == Architecture.GPT2) {
            JsonArray a = new JsonArray();
            a.add("GPT2LMHeadModel");
            o.add("architectures", a);
            o.addProperty("model_type", "gpt2");
            o.addProperty("n_embd", hiddenSize);
            o.addProperty("n_layer", numLayers);
            o.addProperty("n_head", numHeads);
            o.addProperty("n_inner", intermediateSize);
            o.addProperty("n_positions", maxPositions);
            o.addProperty("layer_norm_epsilon", normEps);
            o.addProperty("activation_function", "gelu_new");
        } else {
            JsonArray a = new JsonArray();
            a.add(switch (modelType) {
                case "mistral" -> "MistralForCausalLM";
                case "qwen2" -> "Qwen2ForCausalLM";
                default -> "LlamaForCausalLM";
            });
            o.add("architectures", a);
            o.addProperty("model_type", modelType);
            o.addProperty("hidden_size", hiddenSize);
            o.addProperty("intermediate_size", intermediateSize);
            o.addProperty("num_hidden_layers", numLayers);
            o.addProperty("num_attention_heads", numHeads);
            o.addProperty("num_key_value_heads", numKvHeads);
            o.addProperty("head_dim", headDim);
            o.addProperty("max_position_embeddings", maxPositions);
            o.addProperty("rms_norm_eps", normEps);
            o.addProperty("rope_theta", ropeTheta);
            o.addProperty("hidden_act", "silu");
            if (!modelType.equals("qwen2")) {
                o.addProperty("attention_bias", outputBias);
            }
            o.addProperty("mlp_bias", mlpBias);
        }
        o.addProperty("vocab_size", vocabSize);
        o.addProperty("tie_word_embeddings", tieWordEmbeddings);
        if (bosTokenId != null) {
            o.addProperty("bos_token_id", bosTokenId);
        }
        if (eosTokenIds.size() == 1) {
            o.addProperty("eos_token_id", eosTokenIds.get(0));
        } else if (!eosTokenIds.isEmpty()) {
            JsonArray a = new JsonArray();
            eosTokenIds.forEach(a::add);
            o.add("eos_token_id", a);
        }
        o.addProperty("torch_dtype", "float32");
        return new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
    }

    /** Typed access to config fields with messages that name the file and the field. */
    private static final class Fields {
        final JsonObject o;
        final String source;

        Fields(JsonObject o, String source) {
            this.o = o;
            this.source = source;
        }

        private JsonElement get(String name) {
            JsonElement e = o.get(name);
            return e == null || e.isJsonNull() ? null : e;
        }

        int reqInt(String name) throws ModelLoadException {
            JsonElement e = get(name);
            if (e == null) {
                throw new ModelLoadException(source + ": missing required field '" + name + "'");
            }
            return asInt(name, e);
        }

        int optInt(String name, int dflt) throws ModelLoadException {
            JsonElement e = get(name);
            return e == null ? dflt : asInt(name, e);
        }

        Integer optInteger(String name) throws ModelLoadException {
            JsonElement e = get(name);
            return e == null ? null : asInt(name, e);
        }

        List<Integer> ids(String name) throws ModelLoadException {
            JsonElement e = get(name);
            List<Integer> out = new ArrayList<>();
            if (e == null) {
                return out;
            }
            if (e.isJsonArray()) {
                for (JsonElement x : e.getAsJsonArray()) {
                    out.add(asInt(name, x));
                }
            } else {
                out.add(asInt(name, e));
            }
            return out;
        }

        private int asInt(String name, JsonElement e) throws ModelLoadException {
            try {
                if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                    double d = e.getAsDouble();
                    if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                        return (int) d;
                    }
                }
            } catch (NumberFormatException ignored) {
                // fall through
            }
            throw new ModelLoadException(source + ": field '" + name + "' must be an integer, was " + e);
        }

        double optDouble(String name, double dflt) throws ModelLoadException {
            JsonElement e = get(name);
            if (e == null) {
                return dflt;
            }
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                return e.getAsDouble();
            }
            throw new ModelLoadException(source + ": field '" + name + "' must be a number, was " + e);
        }

        boolean optBool(String name, boolean dflt) throws ModelLoadException {
            JsonElement e = get(name);
            if (e == null) {
                return dflt;
            }
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
                return e.getAsBoolean();
            }
            throw new ModelLoadException(source + ": field '" + name + "' must be true or false, was " + e);
        }

        String optString(String name) throws ModelLoadException {
            JsonElement e = get(name);
            if (e == null) {
                return null;
            }
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                return e.getAsString();
            }
            throw new ModelLoadException(source + ": field '" + name + "' must be a string, was " + e);
        }
    }
}
