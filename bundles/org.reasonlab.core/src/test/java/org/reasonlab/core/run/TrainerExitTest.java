package org.reasonlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerExitTest {
    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");
    private static final RunEnvironment ENV = new RunEnvironment("21", "0.35.1", "PyTorch 2.7.1", "cpu", 1);

    @TempDir
    Path dir;

    @Test
    void exitCodesInWords() {
        assertEquals("the trainer was killed by signal 9 (SIGKILL)", TrainerExit.describe(137));
        assertEquals("the trainer was stopped by signal 15 (SIGTERM)", TrainerExit.describe(143));
        assertEquals("the trainer was killed by signal 6 (SIGABRT): the JVM aborted (a native crash)", TrainerExit.describe(134));
        assertEquals("the trainer exited with code 2: invalid settings", TrainerExit.describe(2));
        assertEquals("the trainer exited with code 1", TrainerExit.describe(1));
        assertEquals("the trainer exited with code 3", TrainerExit.describe(3), "a 3 described is one without its cancelled event");
        assertTrue(TrainerExit.isCancelled(3));
        assertTrue(TrainerExit.isCancelled(143));
        assertFalse(TrainerExit.isCancelled(137));
    }

    @Test
    void aTrainerKilledWithSigkillGetsAFailedEventNamingTheSignal() throws Exception {
        RunDirectory run = new RunDirectory(dir.resolve("run"));
        Process child = startTrainerThatHangs(run.root());
        try (BufferedReader out = child.inputReader(StandardCharsets.UTF_8)) {
            assertEquals("started", out.readLine());
        }
        child.destroyForcibly(); // SIGKILL on Linux: kill -9
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        int code = child.exitValue();
        assertEquals(137, code);

        String message = TrainerExit.recordIfUnfinished(run, code, false, "last stderr line");
        assertEquals("the trainer was killed by signal 9 (SIGKILL) without finishing the run", message);
        RunEvents events = run.readEvents();
        List<RunEvent> all = events.events();
        assertEquals(3, all.size(), all.toString());
        ErrorEvent error = assertInstanceOf(ErrorEvent.class, all.get(1));
        assertEquals(message, error.message());
        assertEquals("last stderr line", error.detail());
        assertEquals(RunStatus.FAILED, assertInstanceOf(FinishedEvent.class, all.get(2)).status());
        assertEquals(RunStatus.FAILED, run.status());

        assertNull(TrainerExit.recordIfUnfinished(run, code, false, null), "recorded once");
        assertEquals(3, run.readEvents().events().size());
    }

    @Test
    void nothingIsAddedWhenTheTrainerWroteItsOwnEnd() throws IOException {
        RunDirectory run = new RunDirectory(dir);
        try (RunEventLog log = run.openEventLog()) {
            log.append(started());
            log.append(new FinishedEvent(T, RunStatus.CANCELLED, 12));
        }
        assertNull(TrainerExit.recordIfUnfinished(run, 143, true, null));
        assertEquals(RunStatus.CANCELLED, run.status());
    }

    @Test
    void aResumedAttemptKilledAfterAnEarlierCancelIsRecorded() throws IOException {
        RunDirectory run = new RunDirectory(dir);
        try (RunEventLog log = run.openEventLog()) {
            log.append(started());
            log.append(new FinishedEvent(T, RunStatus.CANCELLED, 12));
            log.append(started());
        }
        assertEquals("the trainer was killed by signal 9 (SIGKILL) without finishing the run",
                TrainerExit.recordIfUnfinished(run, 137, false, null));
        assertEquals(RunStatus.FAILED, run.status());
    }

    @Test
    void aStopAskedForBeforeTheFirstStepEndsCancelled() throws IOException {
        RunDirectory run = new RunDirectory(dir);
        try (RunEventLog log = run.openEventLog()) {
            log.append(started());
        }
        assertEquals("the trainer was stopped by signal 15 (SIGTERM) before it could write a checkpoint",
                TrainerExit.recordIfUnfinished(run, 143, true, null));
        assertEquals(RunStatus.CANCELLED, run.status());
    }

    @Test
    void aCleanExitBadArgumentsOrAMissingFolderAreLeftAlone() throws IOException {
        assertNull(TrainerExit.recordIfUnfinished(new RunDirectory(dir), 0, false, null));
        assertNull(TrainerExit.recordIfUnfinished(new RunDirectory(dir), 2, false, null), "bad arguments: nothing ran");
        assertNull(TrainerExit.recordIfUnfinished(new RunDirectory(dir.resolve("none")), 137, false, null));
        assertFalse(dir.resolve("none").toFile().exists());
    }

    private static StartedEvent started() {
        return new StartedEvent(T, "run", "l+r", "tiny", "lora", 10, 2, 5, ENV);
    }

    private static Process startTrainerThatHangs(Path runDir) throws IOException, URISyntaxException {
        // the code sources rather than java.class.path: a runner may start tests from a manifest-only jar
        String classPath = location(HangingTrainer.class) + File.pathSeparator + location(RunEventLog.class)
                + File.pathSeparator + location(com.google.gson.Gson.class);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", classPath, HangingTrainer.class.getName(), runDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** A stand-in trainer for the kill test: writes its started event, says so, and waits to be killed. */
    public static final class HangingTrainer {
        public static void main(String[] args) throws Exception {
            try (RunEventLog log = new RunDirectory(Path.of(args[0])).openEventLog()) {
                log.append(started());
            }
            System.out.println("started");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
