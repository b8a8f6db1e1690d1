package org.reasonlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventTailTest {
    private static final String STEP = "{\"type\":\"step\",\"time\":\"2025-05-01T10:00:01Z\",\"step\":%d,\"epoch\":1,\"loss\":3.0}\n";

    @TempDir
    Path tmp;

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void readsOnlyWhatWasAppendedAndKeepsLineNumbers() throws IOException {
        Path file = tmp.resolve("events.jsonl");
        EventTail tail = new EventTail(file);
        assertFalse(tail.update(), "no file yet");
        assertEquals(-1, tail.lastModified());
        append(file, STEP.formatted(1) + "garbage\n");
        assertTrue(tail.update());
        assertEquals(1, tail.events().ofType(StepEvent.class).size());
        assertEquals(2, tail.events().problems().get(0).line());
        assertFalse(tail.update(), "nothing new");
        append(file, STEP.formatted(2) + "{\"type\":\"st");
        assertTrue(tail.update());
        RunEvents events = tail.events();
        assertEquals(2, events.ofType(StepEvent.class).size());
        assertTrue(events.truncatedLastLine());
        assertEquals(4, events.problems().get(events.problems().size() - 1).line(), "the unfinished line");
        append(file, "ep\",\"time\":\"2025-05-01T10:00:01Z\",\"step\":3,\"epoch\":1,\"loss\":3.0}\n");
        assertTrue(tail.update());
        assertEquals(3, tail.events().ofType(StepEvent.class).size());
        assertFalse(tail.events().truncatedLastLine());
        assertEquals(1, tail.events().problems().size(), "only the garbage line is left");
    }

    @Test
    void aReplacedOrDeletedFileIsReadAnew() throws IOException {
        Path file = tmp.resolve("events.jsonl");
        EventTail tail = new EventTail(file);
        append(file, STEP.formatted(1) + STEP.formatted(2));
        tail.update();
        assertEquals(2, tail.events().events().size());
        Files.writeString(file, STEP.formatted(7));
        assertTrue(tail.update());
        assertEquals(7, tail.events().ofType(StepEvent.class).get(0).step());
        assertEquals(1, tail.events().events().size());
        Files.delete(file);
        assertTrue(tail.update());
        assertEquals(0, tail.events().events().size());
    }
}
