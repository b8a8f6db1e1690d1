package org.reasonlab.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during saves: a child JVM saves a 4 MB file again and again ({@link AtomicSaveLoop}) and is killed at
 * random moments. After each kill the file must be one whole generation, the last one saved or the one being
 * saved, and the next save must leave no temporary file of it behind.
 */
class AtomicFilesKillTest {
    private static final int KILLS = 16;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void afterEachKillTheFileIsOldOrNewAndTheNextSaveLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("data.jsonl");
        AtomicFiles.write(target, out -> AtomicSaveLoop.write(0, out));
        Random random = new Random(12);
        int leftBehind = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = startSaving(target);
            BlockingQueue<Long> savedGenerations = new LinkedBlockingQueue<>();
            Thread reader = Thread.ofPlatform().start(() -> readSaved(child, savedGenerations));
            Long first = savedGenerations.poll(60, TimeUnit.SECONDS);
            assertNotNull(first, () -> "the child saved nothing" + errorOf(child));
            Thread.sleep(random.nextInt(250));
            // through the handle: Process.destroyForcibly also closes the child's stdout, dropping "saved N" lines
            // still in the pipe (seen once: the file two generations past the last one read)
            child.toHandle().destroyForcibly();
            child.waitFor();
            reader.join();
            long saved = Math.max(first, savedGenerations.stream().mapToLong(Long::longValue).max().orElse(first));

            byte[] bytes = Files.readAllBytes(target);
            long generation = AtomicSaveLoop.generationOf(bytes);
            assertTrue(generation == saved || generation == saved + 1,
                    "after kill " + kill + " the file is generation " + generation + ", last saved " + saved);
            assertArrayEquals(AtomicSaveLoop.content(generation), bytes, "after kill " + kill + ": not a whole generation");

            leftBehind += temporaryFiles().size();
            AtomicFiles.write(target, out -> AtomicSaveLoop.write(generation + 1, out));
            assertEquals(List.of(), temporaryFiles(), "after kill " + kill + " and a save");
        }
        assertTrue(leftBehind > 0, "no kill hit a save in progress; the test proves nothing");
    }

    private static Process startSaving(Path target) throws IOException, URISyntaxException {
        // the code sources rather than java.class.path: a runner may start tests from a manifest-only jar
        String classPath = location(AtomicSaveLoop.class) + File.pathSeparator + location(AtomicFiles.class);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", classPath, AtomicSaveLoop.class.getName(), target.toString()).start();
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Each "saved N" line of the child, until it dies; a line cut by the kill reads as a smaller number. */
    private static void readSaved(Process child, BlockingQueue<Long> saved) {
        try (BufferedReader lines = child.inputReader(StandardCharsets.US_ASCII)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("saved ")) {
                    saved.add(Long.parseLong(line.substring(6)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // killed while printing
        }
    }

    private static String errorOf(Process child) {
        child.destroyForcibly();
        try {
            return "\n" + new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private List<String> temporaryFiles() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.startsWith(".data.jsonl")).toList();
        }
    }
}
