package org.reasonlab.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code events.jsonl}, including the log of a run that is still writing or that crashed.
 * Lines that are not JSON objects are skipped and reported, never thrown: a cut-off last line is
 * what a crash (or a read during a write) leaves behind. Blank lines are ignored.
 */
public final class RunEventReader {

    private RunEventReader() {
    }

    /** The events in the file; {@link RunEvents#empty()} when there is no file. */
    public static RunEvents read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return RunEvents.empty();
        }
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    /** The events in the text of a log. */
    public static RunEvents parse(String text) {
        List<RunEvent> events = new ArrayList<>();
        List<EventLogProblem> problems = new ArrayList<>();
        boolean truncated = false;
        String[] lines = text.split("\n", -1);
        // After the last '\n' comes "" for a complete file, or the part of a line not yet finished.
        int last = lines.length - 1;
        for (int i = 0; i <= last; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(RunEventCodec.decode(line));
            } catch (IllegalArgumentException e) {
                if (i == last) {
                    truncated = true;
                    problems.add(new EventLogProblem(i + 1, "cut off: the run ended (or is still writing) here"));
                } else {
                    problems.add(new EventLogProblem(i + 1, e.getMessage()));
                }
            }
        }
        return new RunEvents(events, problems, truncated);
    }
}
