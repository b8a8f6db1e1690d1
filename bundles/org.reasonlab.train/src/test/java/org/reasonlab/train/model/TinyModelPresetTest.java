package org.reasonlab.train.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.generate.GenerationOptions;
import org.reasonlab.train.generate.GenerationResult;
import org.reasonlab.train.generate.Generator;

class TinyModelPresetTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    @Test
    void presetIsReproducibleAndSaysItIsUntrained() throws Exception {
        Path a = TinyModelPreset.write(tmp.resolve("a"));
        Path b = TinyModelPreset.write(tmp.resolve("b"));
        for (String f : List.of("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "README.md")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        assertTrue(Files.readString(a.resolve("README.md")).contains("UNTRAINED: random weights, for smoke tests"));
    }

    @Test
    void presetLoadsTokenizesAndGeneratesTheRequestedTokens() throws Exception {
        Path folder = TinyModelPreset.write(tmp.resolve("tiny"));
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, m, Device.cpu())) {
            assertEquals(TinyModelPreset.vocabSize(), model.config().vocabSize());
            long[] ids = model.tokenizer().encode("Hi there!");
            assertEquals(TinyModelPreset.BOS, ids[0]);
            assertEquals(10, ids.length);
            assertEquals("Hi there! é", model.tokenizer().decode(model.tokenizer().encode("Hi there! é")));
            GenerationOptions o = GenerationOptions.greedy(12).withStopAtEos(false);
            GenerationResult r = Generator.generate(model, "Label:", o);
            assertEquals(12, r.tokens().size());
            assertEquals(GenerationResult.MAX_NEW_TOKENS, r.stopReason());
            assertEquals(r.tokens(), Generator.generateUncached(model, "Label:", o).tokens());
            GenerationResult s = Generator.generate(model, "Label:", o.withSampling(1.0, 50, 0.9, 5L));
            assertEquals(12, s.tokens().size());
            assertEquals(s, Generator.generate(model, "Label:", o.withSampling(1.0, 50, 0.9, 5L)));
        }
    }
}
