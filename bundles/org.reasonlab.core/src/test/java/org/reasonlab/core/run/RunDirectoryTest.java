package org.reasonlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    @TempDir
    Path dir;

    private static final Instant T = RunEventCodecTest.T;
    private static final RunEnvironment ENV = new RunEnvironment("21", "0.35.1", "PyTorch 2.5.1", "cpu", 7, "bf16");

    @Test
    void namesItsFiles() {
        RunDirectory run = new RunDirectory(dir);
        assertEquals(dir.resolve("spec.json"), run.specFile());
        assertEquals(dir.resolve("environment.json"), run.environmentFile());
        assertEquals(dir.resolve("events.jsonl"), run.eventsFile());
        assertEquals(dir.resolve("checkpoints"), run.checkpointsDir());
        assertEquals(dir.resolve("checkpoints/step-100"), run.checkpointDir(100));
        assertEquals("checkpoints/step-100", RunDirectory.checkpointPath(100));
        assertEquals(dir.resolve("predictions.jsonl"), run.predictionsFile());
        assertEquals(dir.resolve("metrics.json"), run.metricsFile());
        assertEquals(dir.resolve("adapter"), run.adapterDir());
        assertEquals(dir.resolve("merged"), run.mergedDir());
    }

    @Test
    void createWritesTheSpec() throws IOException {
        RunDirectory run = new RunDirectory(dir.resolve("runs/r1"));
        run.create(RunSpecTest.valid());
        assertTrue(Files.isDirectory(run.checkpointsDir()));
        assertEquals(RunSpecs.toJson(RunSpecTest.valid()), RunSpecs.toJson(run.readSpec()));
        run.writeEnvironment(ENV);
        assertEquals(ENV, run.readEnvironment());
    }

    @Test
    void environmentWithoutPrecisionStillReads() throws IOException {
        RunDirectory run = new RunDirectory(dir);
        Files.writeString(run.environmentFile(),
                "{\"java\":\"21\",\"djl\":\"0.35.1\",\"engine\":\"PyTorch 2.5.1\",\"device\":\"cpu\",\"seed\":7}");
        RunEnvironment env = run.readEnvironment();
        assertEquals(new RunEnvironment("21", "0.35.1", "PyTorch 2.5.1", "cpu", 7), env);
        assertEquals(null, env.precision());
        assertTrue(ENV.toJson().toString().contains("\"precision\":\"bf16\""), ENV.toJson().toString());
        assertTrue(!env.toJson().has("precision"));
    }

    @Test
    void unreadableEnvironmentNamesTheFile() throws IOException {
        RunDirectory run = new RunDirectory(dir);
        Files.writeString(run.environmentFile(), "{\"seed\":\"x\"}");
        IOException e = assertThrows(IOException.class, run::readEnvironment);
        assertTrue(e.getMessage().contains("environment.json: seed must be a whole number"), e.getMessage());
    }

    @Test
    void statusFollowsTheEvents() throws IOException {
        RunDirectory run = new RunDirectory(dir);
        assertEquals(RunStatus.UNKNOWN, run.status());
        try (RunEventLog log = run.openEventLog()) {
            log.append(new MessageEvent(T, MessageEvent.Level.INFO, "loading"));
            assertEquals(RunStatus.UNKNOWN, run.status());
            log.append(RunEventCodecTest.oneOfEach().get(0));
            assertEquals(RunStatus.RUNNING, run.status());
            log.append(new ErrorEvent(T, "out of memory", null));
            assertEquals(RunStatus.FAILED, run.status());
            log.append(new FinishedEvent(T, RunStatus.CANCELLED, 3));
            assertEquals(RunStatus.CANCELLED, run.status());
        }
        assertEquals(RunStatus.CANCELLED, run.readEvents().status());
    }

    @Test
    void aResumedRunIsRunningAgainUntilItFinishes() throws IOException {
        RunDirectory run = new RunDirectory(dir);
        try (RunEventLog log = run.openEventLog()) {
            log.append(RunEventCodecTest.oneOfEach().get(0));
            log.append(new ErrorEvent(T, "the trainer exited without finishing (exit code 137: killed)", null));
            log.append(new FinishedEvent(T, RunStatus.FAILED, 3));
            assertEquals(RunStatus.FAILED, run.status());
            log.append(RunEventCodecTest.oneOfEach().get(0));
            assertEquals(RunStatus.RUNNING, run.status(), "the error belongs to the earlier attempt");
            log.append(new FinishedEvent(T, RunStatus.COMPLETED, 9));
            assertEquals(RunStatus.COMPLETED, run.status());
        }
    }

    @Test
    void listsCheckpointStepsInOrder() throws IOException {
        RunDirectory run = new RunDirectory(dir);
        assertEquals(List.of(), run.checkpointSteps());
        for (long step : new long[] { 1000, 200, 30 }) {
            Files.createDirectories(run.checkpointDir(step));
        }
        Files.createDirectories(run.checkpointsDir().resolve("step-x"));
        Files.createFile(run.checkpointsDir().resolve("step-5"));
        assertEquals(List.of(30L, 200L, 1000L), run.checkpointSteps());
    }

    @Test
    void holdsRunAndClearRunTouchOnlyRunFiles() throws IOException {
        RunDirectory run = new RunDirectory(dir.resolve("r"));
        assertFalse(run.holdsRun());
        Files.createDirectories(run.root());
        Files.writeString(run.root().resolve("notes.txt"), "mine");
        assertFalse(run.holdsRun(), "unrelated files are no run");
        Files.writeString(run.eventsFile(), "{}\n");
        assertTrue(run.holdsRun());
        RunSpec spec = RunSpecTest.valid();
        run.create(spec);
        Files.createDirectories(run.checkpointDir(3));
        Files.writeString(run.checkpointDir(3).resolve("state.json"), "{}");
        Files.createDirectories(run.adapterDir());
        Files.writeString(run.metricsFile(), "{}");
        Files.writeString(run.root().resolve("reviews.jsonl"), "");
        Files.writeString(run.root().resolve("hs_err_pid12.log"), "crash");
        Path outside = Files.writeString(dir.resolve("outside.txt"), "keep");
        Files.createSymbolicLink(run.mergedDir(), dir);
        run.clearRun();
        assertFalse(run.holdsRun());
        try (var left = Files.list(run.root())) {
            assertEquals(List.of("notes.txt"), left.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(Files.exists(outside), "a linked folder's contents are not removed");
    }
}
