package org.reasonlab.ui.internal.launch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A process whose stdout and stderr pass every byte, decoded as UTF-8, to a listener as the Console's readers
 * read them. Listening on the Console's stream monitors instead would miss what a short-lived process printed
 * before the listener was added; here nothing can be missed. The Console sees stderr unchanged and stdout's
 * event lines as text for people ({@link ReadableEvents}).
 */
final class ObservedProcess extends Process {
    private final Process process;
    private final InputStream stdout;
    private final InputStream stderr;

    ObservedProcess(Process process, Consumer<String> onStdout, Consumer<String> onStderr) {
        this.process = process;
        this.stdout = new ReadableEvents(new Tap(process.getInputStream(), onStdout));
        this.stderr = new Tap(process.getErrorStream(), onStderr);
    }

    @Override
    public OutputStream getOutputStream() {
        return process.getOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return stdout;
    }

    @Override
    public InputStream getErrorStream() {
        return stderr;
    }

    @Override
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        return process.waitFor(timeout, unit);
    }

    @Override
    public int exitValue() {
        return process.exitValue();
    }

    @Override
    public void destroy() {
        process.destroy();
    }

    @Override
    public Process destroyForcibly() {
        process.destroyForcibly();
        return this;
    }

    @Override
    public boolean supportsNormalTermination() {
        return process.supportsNormalTermination();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return process.onExit().thenApply(p -> this);
    }

    @Override
    public ProcessHandle toHandle() {
        return process.toHandle();
    }

    @Override
    public ProcessHandle.Info info() {
        return process.info();
    }

    @Override
    public Stream<ProcessHandle> children() {
        return process.children();
    }

    @Override
    public Stream<ProcessHandle> descendants() {
        return process.descendants();
    }

    /** Passes what is read on to the listener as text; a character split between two reads is kept for the next. */
    private static final class Tap extends FilterInputStream {
        private final Consumer<String> listener;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer pending = ByteBuffer.allocate(0);

        Tap(InputStream in, Consumer<String> listener) {
            super(in);
            this.listener = listener;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                pass(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                pass(b, off, n);
            }
            return n;
        }

        private synchronized void pass(byte[] b, int off, int len) {
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + len);
            in.put(pending).put(b, off, len).flip();
            CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, out, false);
            pending = in.slice();
            out.flip();
            if (out.hasRemaining()) {
                try {
                    listener.accept(out.toString());
                } catch (RuntimeException e) {
                    // what the trainer prints must never break the Console's reader
                }
            }
        }
    }
}
