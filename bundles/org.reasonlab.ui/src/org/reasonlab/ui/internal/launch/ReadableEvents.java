package org.reasonlab.ui.internal.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.reasonlab.core.run.RunEvent;
import org.reasonlab.core.run.RunEventCodec;
import org.reasonlab.core.run.RunEventText;
import org.reasonlab.core.run.StartedEvent;

/**
 * The trainer's stdout as the Console shows it: each complete line that is a run event becomes its
 * {@link RunEventText} (the JSON stays in the run's {@code events.jsonl}); every other line passes unchanged, and
 * so does an unfinished last line when the stream ends.
 */
public final class ReadableEvents extends InputStream {
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private byte[] out = new byte[0];
    private int outPos;
    private boolean eof;
    /** The planned steps, from the started event, for "step N/TOTAL". */
    private Integer totalSteps;

    public ReadableEvents(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos >= out.length) {
            if (eof) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, out.length - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    @Override
    public int available() {
        return out.length - outPos;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads what the trainer printed next and turns its complete lines into output. */
    private void fill() throws IOException {
        byte[] chunk = new byte[8192];
        int n = in.read(chunk);
        ByteArrayOutputStream ready = new ByteArrayOutputStream();
        if (n < 0) {
            eof = true;
            line.writeTo(ready);
            line.reset();
        } else {
            for (int i = 0; i < n; i++) {
                line.write(chunk[i]);
                if (chunk[i] == '\n') {
                    ready.writeBytes(render(line.toByteArray()));
                    line.reset();
                }
            }
        }
        out = ready.toByteArray();
        outPos = 0;
    }

    /** One line with its line break: the event's text, or the bytes as they came. */
    private byte[] render(byte[] lineWithBreak) {
        String text = new String(lineWithBreak, StandardCharsets.UTF_8).strip();
        if (!text.startsWith("{")) {
            return lineWithBreak;
        }
        try {
            RunEvent event = RunEventCodec.decode(text);
            if (event instanceof StartedEvent started) {
                totalSteps = started.totalSteps();
            }
            return (RunEventText.describe(event, totalSteps) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return lineWithBreak;
        }
    }
}
