package org.reasonlab.train.model;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Loads {@code tokenizer.json} (plus {@code tokenizer_config.json} when present) from a model folder. */
public final class TokenizerLoader {
    public static final String TOKENIZER_FILE = "tokenizer.json";
    public static final String TOKENIZER_CONFIG_FILE = "tokenizer_config.json";

    private TokenizerLoader() {
    }

    /**
     * @param folder    the model folder
     * @param bosFromConfig {@code bos_token_id} from config.json, or null
     */
    public static ModelTokenizer load(Path folder, Integer bosFromConfig) throws ModelLoadException {
        Path file = folder.resolve(TOKENIZER_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("tokenizer not found: " + file);
        }
        HuggingFaceTokenizer tok;
        try {
            // no truncation (DJL would otherwise cut at 512), no padding, special tokens as the file says
            tok = HuggingFaceTokenizer.newInstance(file,
                    Map.of("addSpecialTokens", "true", "truncation", "false", "padding", "false"));
        } catch (Exception | LinkageError e) {
            throw new ModelLoadException("cannot load tokenizer " + file + ": " + e.getMessage(), e);
        }
        Boolean addBos = null;
        String bosToken = null;
        Path cfg = folder.resolve(TOKENIZER_CONFIG_FILE);
        if (Files.isRegularFile(cfg)) {
            try {
                JsonObject o = JsonParser.parseString(Files.readString(cfg, StandardCharsets.UTF_8)).getAsJsonObject();
                JsonElement ab = o.get("add_bos_token");
                if (ab != null && ab.isJsonPrimitive() && ab.getAsJsonPrimitive().isBoolean()) {
                    addBos = ab.getAsBoolean();
                }
                JsonElement bt = o.get("bos_token");
                if (bt != null && bt.isJsonPrimitive()) {
                    bosToken = bt.getAsString();
                } else if (bt != null && bt.isJsonObject() && bt.getAsJsonObject().has("content")) {
                    bosToken = bt.getAsJsonObject().get("content").getAsString();
                }
            } catch (Exception e) {
                tok.close();
                throw new ModelLoadException(cfg + ": invalid tokenizer config: " + e.getMessage(), e);
            }
        }
        Integer bosId = bosFromConfig;
        if (bosId == null && bosToken != null) {
            long[] ids = tok.encode(bosToken, false, false).getIds();
            if (ids.length == 1) {
                bosId = (int) ids[0];
            }
        }
        return new ModelTokenizer(tok, bosId, addBos);
    }
}
