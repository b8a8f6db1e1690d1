package org.reasonlab.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs command lines on this machine with {@code /bin/sh -c}, for a SLURM target without a host. */
public final class LocalConnection implements Connection {
    private final Map<String, String> environment;

    public LocalConnection() {
        this(Map.of());
    }

    /** @param environment variables set on top of this process's (e.g. {@code SLURM_CONF}) */
    public LocalConnection(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public CommandResult run(String commandLine, InputStream stdin, Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", commandLine);
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                stdin.transferTo(in);
            }
        } catch (IOException e) {
            // the command ended without reading all of its input; its exit status says what happened
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(where() + ": `" + commandLine + "` did not end within " + timeout.toSeconds()
                        + " s");
            }
            return new CommandResult(where(), commandLine, process.exitValue(),
                    out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + commandLine);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String where() {
        return "this machine";
    }

    @Override
    public void close() {
        // nothing held
    }
}
