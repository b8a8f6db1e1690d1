package org.reasonlab.core.run;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends events to {@code events.jsonl}, one line each, flushed as it is written so that a
 * reader (the IDE) sees every complete line at once and a crash loses at most the line being
 * written. Safe to use from several threads.
 */
public final class RunEventLog implements Closeable {
    private final OutputStream out;

    private RunEventLog(OutputStream out) {
        this.out = out;
    }

    /**
     * Opens the file for appending, creating it (not its folder) when missing. When a crashed run
     * left a cut-off last line, a line separator is added first so that the next event does not
     * glue onto it.
     */
    public static RunEventLog open(Path file) throws IOException {
        boolean needsNewline = endsWithoutNewline(file);
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        if (needsNewline) {
            out.write('\n');
            out.flush();
        }
        return new RunEventLog(out);
    }

    private static boolean endsWithoutNewline(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    /** Writes the event as one line and flushes it. */
    public synchronized void append(RunEvent event) throws IOException {
        // One write for the whole line, so that concurrent readers never see half an event
        // unless the process dies in the middle of it.
        out.write((RunEventCodec.encode(event) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
