package org.reasonlab.train.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMainTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return GenerateMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void badArgumentsExitWith2() {
        assertEquals(2, run("--prompt", "x"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--model is required"));
        assertEquals(2, run("--model", "tiny", "--prompt", "x", "--top-k", "many"));
        assertEquals(2, run("--model", "tiny", "--prompt", "x", "--device", "tpu"));
        assertEquals(2, run("--model", "tiny", "--prompt", "x", "--precision", "half"));
        assertEquals(2, run("--model", "tiny", "--prompt", "x", "--top-p", "0"));
        assertEquals(2, run("--model", "tiny", "--prompt", "x", "--bogus"));
        assertEquals(2, run("--model", "tiny", "--prompt"));
    }

    @Test
    void loadErrorsExitWith1WithoutAStackTrace() {
        assertEquals(1, run("--model", tmp.resolve("none").toString(), "--prompt", "x", "--device", "cpu"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("model folder not found"), e);
        assertFalse(e.contains("\tat "), e);
    }

    @Test
    void tinyPresetGenerates() {
        assertEquals(0, run("--model", "tiny", "--prompt", "Label:", "--max-new-tokens", "5", "--device", "cpu",
                "--temperature", "0.8", "--seed", "3", "--no-cache"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("UNTRAINED"));
        assertFalse(out.toString(StandardCharsets.UTF_8).isEmpty());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("precision fp32"), err.toString(StandardCharsets.UTF_8));
    }
}
