package org.reasonlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoraRankTest {
    @TempDir
    Path tmp;

    @Test
    void rankNotBelowTheWidthWarns() {
        assertEquals(Optional.of("LoRA r 64 is not below the model's hidden size 64: the adapters are not low-rank"),
                LoraRank.warning(64, 64));
        assertTrue(LoraRank.warning(63, 64).isEmpty());
        assertTrue(LoraRank.warning(64, 4096).isEmpty());
    }

    @Test
    void theWidthComesFromTheConfigOrTheTinyModel() throws IOException {
        assertEquals(OptionalInt.of(64), LoraRank.hiddenSize("tiny"));
        Path llama = Files.createDirectories(tmp.resolve("llama"));
        Files.writeString(llama.resolve("config.json"), "{\"model_type\":\"llama\",\"hidden_size\":4096}");
        assertEquals(OptionalInt.of(4096), LoraRank.hiddenSize(llama.toString()));
        Path gpt2 = Files.createDirectories(tmp.resolve("gpt2"));
        Files.writeString(gpt2.resolve("config.json"), "{\"model_type\":\"gpt2\",\"n_embd\":768}");
        assertEquals(OptionalInt.of(768), LoraRank.hiddenSize(gpt2.toString()));
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("config.json"), "{\"hidden_size\":");
        assertEquals(OptionalInt.empty(), LoraRank.hiddenSize(broken.toString()));
        assertEquals(OptionalInt.empty(), LoraRank.hiddenSize(tmp.resolve("none").toString()));
        assertEquals(OptionalInt.empty(), LoraRank.hiddenSize(""));
    }
}
