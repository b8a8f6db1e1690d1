package org.reasonlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RunEventCodecTest {
    static final Instant T = Instant.parse("2025-03-04T05:06:07.123Z");

    static List<RunEvent> oneOfEach() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", 0.894);
        metrics.put("rougeL", 0.41);
        return List.of(
                new StartedEvent(T, "run-1", "l+r", "tiny", "lora", 1200, 300, 900,
                        new RunEnvironment("21.0.4", "0.35.1", "PyTorch 2.5.1", "gpu(0)", 42)),
                new StepEvent(T, 10, 1, 1.25, 2e-4, 1534.5, 0.9),
                new StepEvent(T, 11, 1, 1.5, 2e-4, null, null),
                new EvalEvent(T, 100, metrics),
                new CheckpointEvent(T, 100, "checkpoints/step-100"),
                new MessageEvent(T, MessageEvent.Level.WARNING, "3 records skipped:\nno reason"),
                new FinishedEvent(T, RunStatus.COMPLETED, 3600.5),
                new ErrorEvent(T, "out of memory", "java.lang.OutOfMemoryError\n\tat x"),
                new ErrorEvent(T, "boom", null));
    }

    @Test
    void everyKindRoundTrips() {
        for (RunEvent e : oneOfEach()) {
            String line = RunEventCodec.encode(e);
            assertFalse(line.contains("\n"), line);
            assertTrue(line.startsWith("{\"type\":\"" + e.type() + "\",\"time\":\"2025-03-04T05:06:07.123Z\""), line);
            assertEquals(e, RunEventCodec.decode(line));
        }
    }

    @Test
    void writesTheDocumentedShape() {
        assertEquals("{\"type\":\"step\",\"time\":\"2025-03-04T05:06:07.123Z\",\"step\":11,\"epoch\":1,\"loss\":1.5,"
                + "\"learningRate\":2.0E-4,\"tokensPerSecond\":null,\"gradNorm\":null}",
                RunEventCodec.encode(new StepEvent(T, 11, 1, 1.5, 2e-4, null, null)));
        assertEquals("{\"type\":\"finished\",\"time\":\"2025-03-04T05:06:07.123Z\",\"status\":\"cancelled\","
                + "\"durationSeconds\":12.0}", RunEventCodec.encode(new FinishedEvent(T, RunStatus.CANCELLED, 12)));
    }

    @Test
    void divergedLossSurvives() {
        String line = RunEventCodec.encode(new StepEvent(T, 5, 1, Double.NaN, 2e-4, Double.POSITIVE_INFINITY, null));
        assertTrue(line.contains("\"loss\":\"NaN\"") && line.contains("\"tokensPerSecond\":\"Infinity\""), line);
        StepEvent back = (StepEvent) RunEventCodec.decode(line);
        assertTrue(Double.isNaN(back.loss()));
        assertEquals(Double.POSITIVE_INFINITY, back.tokensPerSecond());
    }

    @Test
    void unknownTypesAreKeptAsWritten() {
        String line = "{\"type\":\"profile\",\"time\":\"2025-03-04T05:06:07Z\",\"flops\":1e15}";
        UnknownEvent u = (UnknownEvent) RunEventCodec.decode(line);
        assertEquals("profile", u.type());
        assertEquals(Instant.parse("2025-03-04T05:06:07Z"), u.time());
        assertEquals(line, u.json());
        assertEquals(line, RunEventCodec.encode(u));
        assertTrue(u.problem().contains("profile"), u.problem());
    }

    @Test
    void knownTypesWithBadFieldsAreKeptToo() {
        UnknownEvent u = (UnknownEvent) RunEventCodec.decode("{\"type\":\"step\",\"time\":\"2025-03-04T05:06:07Z\"}");
        assertEquals("step", u.type());
        assertEquals("step is missing", u.problem());
        u = (UnknownEvent) RunEventCodec.decode("{\"type\":\"finished\",\"time\":\"2025-03-04T05:06:07Z\","
                + "\"status\":\"running\"}");
        assertEquals("status must be completed, cancelled or failed", u.problem());
        u = (UnknownEvent) RunEventCodec.decode("{\"time\":\"2025-03-04T05:06:07Z\"}");
        assertNull(u.type());
        u = (UnknownEvent) RunEventCodec.decode("{\"type\":\"step\",\"time\":\"soon\",\"step\":1,\"loss\":1}");
        assertNull(u.time());
        assertEquals("step", u.type());
    }

    @Test
    void readsTimesWithAnOffsetAsPythonWritesThem() {
        RunEvent e = RunEventCodec.decode("{\"type\":\"message\",\"time\":\"2025-03-04T07:06:07.5+02:00\","
                + "\"level\":\"warn\",\"text\":\"hi\"}");
        assertEquals(new MessageEvent(Instant.parse("2025-03-04T05:06:07.5Z"), MessageEvent.Level.WARNING, "hi"), e);
    }

    @Test
    void textThatIsNoJsonObjectThrows() {
        assertThrows(IllegalArgumentException.class, () -> RunEventCodec.decode("{\"type\":\"st"));
        assertThrows(IllegalArgumentException.class, () -> RunEventCodec.decode("[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> RunEventCodec.decode("42"));
    }

    @Test
    void finishedNeedsAFinalStatus() {
        assertThrows(IllegalArgumentException.class, () -> new FinishedEvent(T, RunStatus.RUNNING, 1));
    }
}
