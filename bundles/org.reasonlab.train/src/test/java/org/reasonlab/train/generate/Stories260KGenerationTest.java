package org.reasonlab.train.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.testing.SharedData;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;

/** The real pretrained stories260K Llama (GQA, tied embeddings) against llama2.c's own output. */
class Stories260KGenerationTest {
    static final String LLAMA2C_CONTINUATION = ", there was a little girl named Lily. She loved to play outside in the park."
            + " One day, she saw a big, red ball.";

    private static NDManager manager;
    private static LoadedModel model;

    @BeforeAll
    static void load() throws Exception {
        DjlEnvironment.prepare(true);
        Path folder = SharedData.require("models/stories260K/hf");
        manager = NDManager.newBaseManager(Device.cpu());
        model = ModelLoader.load(folder, manager, Device.cpu());
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void tokenizerAddsBosLikeHuggingFace() {
        assertArrayEquals(new long[] {1, 403, 407, 261, 378}, model.tokenizer().encode("Once upon a time"));
        assertEquals(List.of(), model.warnings());
    }

    @Test
    void greedyContinuationMatchesLlama2c() {
        GenerationResult r = Generator.generate(model, "Once upon a time", GenerationOptions.greedy(40));
        System.out.println("stories260K: Once upon a time" + r.text() + "  [" + r.tokens().size() + " tokens, " + r.stopReason() + "]");
        String expected = LLAMA2C_CONTINUATION;
        String got = r.text();
        int n = Math.min(expected.length(), got.length());
        assertTrue(n > 60, "continuation too short: " + got);
        assertEquals(expected.substring(0, n), got.substring(0, n));
    }

    @Test
    void cachedAndUncachedGiveTheSameTokens() {
        GenerationOptions o = GenerationOptions.greedy(24);
        GenerationResult cached = Generator.generate(model, "Once upon a time", o);
        GenerationResult uncached = Generator.generateUncached(model, "Once upon a time", o);
        assertEquals(uncached.tokens(), cached.tokens());
        assertEquals(24, cached.tokens().size());
        GenerationOptions sampled = o.withSampling(0.8, 20, 0.9, 7L);
        assertEquals(Generator.generateUncached(model, "Lily", sampled).tokens(),
                Generator.generate(model, "Lily", sampled).tokens());
    }

    @Test
    void seededSamplingIsRepeatableAndStopStringsCut() {
        GenerationOptions o = GenerationOptions.greedy(30).withSampling(1.0, 0, 0.95, 42L);
        assertEquals(Generator.generate(model, "Once upon a time", o), Generator.generate(model, "Once upon a time", o));
        GenerationResult r = Generator.generate(model, "Once upon a time", GenerationOptions.greedy(60).withStopStrings(List.of("Lily")));
        assertEquals(GenerationResult.STOP_STRING, r.stopReason());
        assertEquals(", there was a little girl named ", r.text());
    }
}
