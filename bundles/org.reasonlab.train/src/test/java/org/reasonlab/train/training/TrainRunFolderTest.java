package org.reasonlab.train.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpecs;
import org.reasonlab.train.DjlEnvironment;

/** A run folder holds one run: train refuses a folder holding one unless --resume continues it or --force clears it. */
class TrainRunFolderTest {
    private static final String OLD_EVENT = "{\"type\":\"message\",\"time\":\"2020-01-01T00:00:00Z\",\"level\":\"info\","
            + "\"text\":\"the earlier run\"}\n";

    @TempDir
    Path tmp;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    /** A dataset without train records: a run writes its spec and events and fails before loading a model. */
    private Path data() throws IOException {
        return Files.writeString(tmp.resolve("d.jsonl"), "{\"id\":\"a\",\"statement\":\"I kicked a dog.\","
                + "\"label\":\"unethical\",\"reason\":\"Hurting pets is cruel.\",\"split\":\"test\"}\n");
    }

    private int train(Path runDir, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("--dataset", data().toString(), "--run-dir", runDir.toString()));
        args.addAll(List.of(more));
        err.reset();
        return TrainMain.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A folder with an earlier run's spec, events and checkpoint, and a file of the user's. */
    private Path earlierRun() throws IOException {
        Path runDir = tmp.resolve("run");
        assertEquals(1, train(runDir, "--lora-r", "8"), err());
        Files.writeString(runDir.resolve("events.jsonl"), OLD_EVENT);
        Files.createDirectories(runDir.resolve("checkpoints/step-5"));
        Files.writeString(runDir.resolve("checkpoints/step-5/state.json"), "{}");
        Files.writeString(runDir.resolve("notes.md"), "my notes");
        Files.writeString(runDir.resolve("hs_err_pid99.log"), "old crash");
        return runDir;
    }

    @Test
    void aFolderHoldingARunIsRefusedWithBothWaysOut() throws IOException {
        Path runDir = earlierRun();
        String spec = Files.readString(runDir.resolve("spec.json"));
        assertEquals(2, train(runDir, "--lora-r", "16"));
        assertTrue(err().contains(runDir.toString()) && err().contains("already holds a run")
                && err().contains("--resume") && err().contains("--force"), err());
        assertEquals(spec, Files.readString(runDir.resolve("spec.json")), "untouched");
        assertEquals(OLD_EVENT, Files.readString(runDir.resolve("events.jsonl")), "untouched");
        for (String only : List.of("events.jsonl", "checkpoints")) {
            Path other = tmp.resolve("only-" + only);
            Files.createDirectories(other);
            if (only.equals("checkpoints")) {
                Files.createDirectories(other.resolve(only));
            } else {
                Files.writeString(other.resolve(only), OLD_EVENT);
            }
            assertEquals(2, train(other), only);
            assertTrue(err().contains("already holds a run"), err());
        }
    }

    @Test
    void forceClearsOnlyTheRunFilesSoTheRunsNeverMix() throws IOException {
        Path runDir = earlierRun();
        assertEquals(1, train(runDir, "--lora-r", "16", "--force"), err());
        assertTrue(err().contains("removed the earlier run's files"), err());
        String events = Files.readString(runDir.resolve("events.jsonl"));
        assertFalse(events.contains("the earlier run"), events);
        assertTrue(events.contains("\"type\":\"finished\""), events);
        assertFalse(Files.exists(runDir.resolve("checkpoints/step-5")));
        assertFalse(Files.exists(runDir.resolve("hs_err_pid99.log")));
        assertEquals("my notes", Files.readString(runDir.resolve("notes.md")));
        assertEquals(16, RunSpecs.read(runDir.resolve("spec.json")).loraR());
    }

    @Test
    void forceWithBadSettingsKeepsTheEarlierRun() throws IOException {
        Path runDir = earlierRun();
        assertEquals(2, train(runDir, "--lora-r", "0", "--force"));
        assertEquals(OLD_EVENT, Files.readString(runDir.resolve("events.jsonl")));
    }

    @Test
    void resumeNeedsTheRunsSpecAndExcludesForce() throws IOException {
        Path runDir = tmp.resolve("no-spec");
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve(RunDirectory.EVENTS), OLD_EVENT);
        assertEquals(2, train(runDir, "--resume"));
        assertTrue(err().contains("cannot resume") && err().contains("spec.json"), err());
        assertEquals(OLD_EVENT, Files.readString(runDir.resolve(RunDirectory.EVENTS)));
        assertEquals(2, train(tmp.resolve("x"), "--resume", "--force"));
        assertTrue(err().contains("not both"), err());
    }
}
