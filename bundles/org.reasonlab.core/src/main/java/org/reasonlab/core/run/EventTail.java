package org.reasonlab.core.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;


/**
 * Reads a run's {@code events.jsonl} incrementally: each {@link #update()} reads only the bytes appended since
 * the last one. Complete lines are parsed once and kept; the unfinished part after the last newline is parsed
 * again on every update (the trainer may be writing it, or it is what a crash left). Lines that are not events
 * are skipped and reported with their line numbers, never thrown. A file that shrank (replaced) is read anew.
 * Not thread-safe: one job uses it at a time.
 */
public final class EventTail {
    private final Path file;
    private long offset;
    private int completeLines;
    private final List<RunEvent> events = new ArrayList<>();
    private final List<EventLogProblem> problems = new ArrayList<>();
    private RunEvents pending = RunEvents.empty();
    private long lastSize = -1;
    private long lastModified = -1;

    public EventTail(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * Reads what was appended since the last call.
     *
     * @return whether anything new was read (or the file went away or was replaced)
     */
    public boolean update() throws IOException {
        long size;
        long modified;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (NoSuchFileException e) {
            boolean had = lastSize >= 0;
            reset();
            lastSize = -1;
            return had;
        }
        if (size == lastSize && modified == lastModified) {
            return false;
        }
        if (size < offset) {
            reset();
        }
        lastSize = size;
        lastModified = modified;
        long length = size - offset;
        if (length <= 0) {
            pending = RunEvents.empty();
            return true;
        }
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException(file + ": too large to read (" + size + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(offset);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    break;
                }
            }
        } catch (NoSuchFileException e) {
            reset();
            lastSize = -1;
            return true;
        }
        byte[] bytes = buffer.array();
        int read = buffer.position();
        int lastNewline = -1;
        for (int i = read - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline >= 0) {
            String complete = new String(bytes, 0, lastNewline + 1, StandardCharsets.UTF_8);
            RunEvents parsed = RunEventReader.parse(complete);
            events.addAll(parsed.events());
            for (EventLogProblem p : parsed.problems()) {
                problems.add(new EventLogProblem(p.line() + completeLines, p.message()));
            }
            int newlines = 0;
            for (int i = 0; i <= lastNewline; i++) {
                if (bytes[i] == '\n') {
                    newlines++;
                }
            }
            completeLines += newlines;
            offset += lastNewline + 1;
        }
        String rest = new String(bytes, lastNewline + 1, read - lastNewline - 1, StandardCharsets.UTF_8);
        RunEvents tail = RunEventReader.parse(rest);
        List<EventLogProblem> tailProblems = new ArrayList<>();
        for (EventLogProblem p : tail.problems()) {
            tailProblems.add(new EventLogProblem(p.line() + completeLines, p.message()));
        }
        pending = new RunEvents(tail.events(), tailProblems, tail.truncatedLastLine());
        return true;
    }

    /** All events read so far: the complete lines, then an unfinished last line when it already reads as an event. */
    public RunEvents events() {
        List<RunEvent> all = new ArrayList<>(events);
        all.addAll(pending.events());
        List<EventLogProblem> allProblems = new ArrayList<>(problems);
        allProblems.addAll(pending.problems());
        return new RunEvents(all, allProblems, pending.truncatedLastLine());
    }

    /** When the file was last modified (epoch millis), -1 when there is none. */
    public long lastModified() {
        return lastSize < 0 ? -1 : lastModified;
    }

    private void reset() {
        offset = 0;
        completeLines = 0;
        events.clear();
        problems.clear();
        pending = RunEvents.empty();
        lastModified = -1;
    }
}
