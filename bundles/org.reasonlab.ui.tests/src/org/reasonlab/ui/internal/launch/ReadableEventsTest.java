package org.reasonlab.ui.internal.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The Console shows the trainer's event lines as text and everything else as it came. */
class ReadableEventsTest {

    /** Hands out at most three bytes per read, as a pipe may. */
    private static InputStream trickle(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
    }

    @Test
    void eventLinesBecomeTextOtherLinesStay() throws Exception {
        String printed = "train: using the built-in tiny preset\n"
                + "{\"type\":\"started\",\"time\":\"2025-05-01T09:30:00Z\",\"runId\":\"r\",\"mode\":\"l\",\"model\":\"tiny\","
                + "\"totalSteps\":200,\"environment\":{\"java\":\"21\",\"djl\":\"0.35.1\",\"engine\":\"PyTorch\",\"device\":\"cpu()\",\"seed\":42}}\n"
                + "{\"type\":\"step\",\"time\":\"2025-05-01T09:30:01Z\",\"step\":7,\"epoch\":2,\"loss\":2.5,\"learningRate\":0.002}\n"
                + "{not json\n"
                + "{\"type\":\"checkpoint\",\"time\":\"2025-05-01T09:30:02Z\",\"step\":50,\"path\":\"checkpoints/step-50\"}\n"
                + "caf\u00e9 \u2713\n"
                + "{\"type\":\"step\",\"ti";
        String shown = new String(new ReadableEvents(trickle(printed)).readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("train: using the built-in tiny preset\n"
                + "started r: mode l, model tiny, 200 steps on cpu() (PyTorch, seed 42)\n"
                + "step 7/200  epoch 2  loss 2.5000  lr 2.00e-03\n"
                + "{not json\n"
                + "checkpoint at step 50: checkpoints/step-50\n"
                + "caf\u00e9 \u2713\n"
                + "{\"type\":\"step\",\"ti", shown, "an unfinished last line passes as it came");
    }
}
