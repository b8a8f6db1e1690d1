package org.reasonlab.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The child process of {@link AtomicFilesKillTest}: saves generation after generation of one large file through
 * {@link AtomicFiles} until it is killed, printing each generation it saved. Every block of a generation carries
 * its number, so a file mixed from two generations or cut short cannot pass for either.
 */
public final class AtomicSaveLoop {
    static final int BLOCKS = 64;
    private static final byte[] FILLER = new byte[64 * 1024 - 32];

    static {
        Arrays.fill(FILLER, (byte) 'x');
        FILLER[FILLER.length - 1] = '\n';
    }

    private AtomicSaveLoop() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        for (long n = generationOf(Files.readAllBytes(target)) + 1;; n++) {
            long generation = n;
            AtomicFiles.write(target, out -> write(generation, out));
            System.out.println("saved " + generation);
            System.out.flush();
        }
    }

    static void write(long generation, OutputStream out) throws IOException {
        for (int block = 0; block < BLOCKS; block++) {
            out.write(String.format("generation %12d block %5d\n", generation, block).getBytes(StandardCharsets.US_ASCII));
            out.write(FILLER);
        }
    }

    static byte[] content(long generation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(generation, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** The generation a file's first line names; -1 when it names none. */
    static long generationOf(byte[] file) {
        String first = new String(file, 0, Math.min(file.length, 23), StandardCharsets.US_ASCII);
        return first.startsWith("generation ") ? Long.parseLong(first.substring(11).trim()) : -1;
    }
}
