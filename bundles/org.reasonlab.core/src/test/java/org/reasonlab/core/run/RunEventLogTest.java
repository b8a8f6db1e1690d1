package org.reasonlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEventLogTest {
    @TempDir
    Path dir;

    @Test
    void appendedEventsAreReadableAtOnce() throws IOException {
        Path file = dir.resolve("events.jsonl");
        List<RunEvent> events = RunEventCodecTest.oneOfEach();
        try (RunEventLog log = RunEventLog.open(file)) {
            log.append(events.get(0));
            // flushed: visible before close
            assertEquals(List.of(events.get(0)), RunEventReader.read(file).events());
            for (RunEvent e : events.subList(1, events.size())) {
                log.append(e);
            }
        }
        RunEvents read = RunEventReader.read(file);
        assertEquals(events, read.events());
        assertEquals(List.of(), read.problems());
        assertFalse(read.truncatedLastLine());
        assertEquals(events.size(), Files.readAllLines(file).size());
    }

    @Test
    void aCutOffLastLineIsReportedNotThrown() throws IOException {
        Path file = dir.resolve("events.jsonl");
        String started = RunEventCodec.encode(RunEventCodecTest.oneOfEach().get(0));
        String step = RunEventCodec.encode(RunEventCodecTest.oneOfEach().get(1));
        Files.writeString(file, started + "\n" + step.substring(0, 30), StandardCharsets.UTF_8);
        RunEvents read = RunEventReader.read(file);
        assertEquals(1, read.events().size());
        assertTrue(read.truncatedLastLine());
        assertEquals(1, read.problems().size());
        assertEquals(2, read.problems().get(0).line());
        assertEquals(RunStatus.RUNNING, read.status());
    }

    @Test
    void aCompleteLastLineWithoutNewlineCounts() {
        String step = RunEventCodec.encode(RunEventCodecTest.oneOfEach().get(1));
        RunEvents read = RunEventReader.parse(step + "\r\n\n" + step);
        assertEquals(2, read.events().size());
        assertFalse(read.truncatedLastLine());
    }

    @Test
    void aBadLineInTheMiddleIsSkippedAndReported() {
        String step = RunEventCodec.encode(RunEventCodecTest.oneOfEach().get(1));
        RunEvents read = RunEventReader.parse(step + "\nnot json\n" + step + "\n");
        assertEquals(2, read.events().size());
        assertFalse(read.truncatedLastLine());
        assertEquals(2, read.problems().get(0).line());
        assertTrue(read.problems().get(0).message().startsWith("not JSON"), read.problems().toString());
    }

    @Test
    void problemsSayWhatIsWrongAndWhereWithoutGsonsAdvice() {
        String step = RunEventCodec.encode(RunEventCodecTest.oneOfEach().get(1));
        RunEvents read = RunEventReader.parse("not json\n{\"type\":\"step\" \"time\":1}\n{\"type\":\"st\n" + step + "\n");
        assertEquals(List.of(new EventLogProblem(1, "not JSON: malformed JSON at column 6"),
                new EventLogProblem(2, "not JSON: unterminated object at column 17"),
                new EventLogProblem(3, "not JSON: unterminated string at column 12")), read.problems());
    }

    @Test
    void reopeningAfterACrashStartsANewLine() throws IOException {
        Path file = dir.resolve("events.jsonl");
        String started = RunEventCodec.encode(RunEventCodecTest.oneOfEach().get(0));
        Files.writeString(file, started + "\n{\"type\":\"st", StandardCharsets.UTF_8);
        RunEvent finished = new FinishedEvent(RunEventCodecTest.T, RunStatus.FAILED, 1);
        try (RunEventLog log = RunEventLog.open(file)) {
            log.append(finished);
        }
        RunEvents read = RunEventReader.read(file);
        assertEquals(2, read.events().size());
        assertEquals(finished, read.events().get(1));
        assertEquals(1, read.problems().size());
        assertFalse(read.truncatedLastLine());
        assertEquals(RunStatus.FAILED, read.status());
    }

    @Test
    void appendsToAnExistingLog() throws IOException {
        Path file = dir.resolve("events.jsonl");
        RunEvent e = RunEventCodecTest.oneOfEach().get(1);
        try (RunEventLog log = RunEventLog.open(file)) {
            log.append(e);
        }
        try (RunEventLog log = RunEventLog.open(file)) {
            log.append(e);
        }
        assertEquals(List.of(e, e), RunEventReader.read(file).events());
        Files.write(file, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        assertEquals(RunEvents.empty(), RunEventReader.read(file));
    }

    @Test
    void noFileReadsAsNoEvents() throws IOException {
        RunEvents read = RunEventReader.read(dir.resolve("missing.jsonl"));
        assertEquals(List.of(), read.events());
        assertEquals(RunStatus.UNKNOWN, read.status());
    }
}
