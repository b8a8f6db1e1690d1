package org.reasonlab.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ModelConfigTest {
    @Test
    void llamaDefaultsAndGqa() throws Exception {
        ModelConfig c = ModelConfig.parse("{\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 64,"
                + " \"intermediate_size\": 172, \"num_hidden_layers\": 5, \"num_attention_heads\": 8,"
                + " \"num_key_value_heads\": 4, \"vocab_size\": 512, \"eos_token_id\": [2, 7]}", "config.json");
        assertEquals(Architecture.LLAMA, c.architecture());
        assertEquals(8, c.headDim());
        assertEquals(4, c.numKvHeads());
        assertEquals(10000.0, c.ropeTheta());
        assertFalse(c.tieWordEmbeddings());
        assertFalse(c.qkvBias());
        assertEquals(List.of(2, 7), c.eosTokenIds());
        assertEquals(c, ModelConfig.parse(c.toJson(), "again"));
    }

    @Test
    void qwen2HasQkvBiasAndGpt2MapsItsFieldNames() throws Exception {
        ModelConfig q = ModelConfig.parse("{\"model_type\": \"qwen2\", \"hidden_size\": 32, \"intermediate_size\": 64,"
                + " \"num_hidden_layers\": 1, \"num_attention_heads\": 4, \"vocab_size\": 10}", "q.json");
        assertTrue(q.qkvBias());
        assertFalse(q.outputBias());
        assertEquals(4, q.numKvHeads());
        ModelConfig g = ModelConfig.parse("{\"model_type\": \"gpt2\", \"n_embd\": 32, \"n_layer\": 2, \"n_head\": 4,"
                + " \"n_positions\": 128, \"vocab_size\": 100, \"n_inner\": null}", "g.json");
        assertEquals(Architecture.GPT2, g.architecture());
        assertEquals(128, g.intermediateSize());
        assertTrue(g.tieWordEmbeddings());
        assertEquals(1e-5, g.normEps());
        assertEquals(g, ModelConfig.parse(g.toJson(), "again"));
    }

    @Test
    void inconsistentConfigsAreRejectedWithTheFieldName() {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelConfig.parse("{\"model_type\": \"llama\","
                + " \"hidden_size\": 64, \"intermediate_size\": 1, \"num_hidden_layers\": 1, \"num_attention_heads\": 8,"
                + " \"num_key_value_heads\": 3, \"vocab_size\": 5}", "c.json"));
        assertTrue(e.getMessage().contains("c.json") && e.getMessage().contains("num_key_value_heads 3"), e.getMessage());
        e = assertThrows(ModelLoadException.class, () -> ModelConfig.parse("{\"model_type\": \"llama\","
                + " \"hidden_size\": \"big\"}", "c.json"));
        assertTrue(e.getMessage().contains("'hidden_size' must be an integer"), e.getMessage());
        e = assertThrows(ModelLoadException.class, () -> ModelConfig.parse("{\"hidden_size\": 3}", "c.json"));
        assertTrue(e.getMessage().contains("missing required field 'model_type'"), e.getMessage());
        e = assertThrows(ModelLoadException.class, () -> ModelConfig.parse("{\"model_type\": \"llama\", \"hidden_size\": 64,"
                + " \"intermediate_size\": 1, \"num_hidden_layers\": 1, \"num_attention_heads\": 8, \"vocab_size\": 5,"
                + " \"rope_scaling\": {\"type\": \"llama3\"}}", "c.json"));
        assertTrue(e.getMessage().contains("rope_scaling"), e.getMessage());
    }
}
