package org.reasonlab.core.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunReader;
import org.reasonlab.core.run.folder.RunState;

class RunTargetTest {
    @TempDir
    Path tmp;

    private static RunTarget record() {
        ComputeTarget t = ComputeTargets.parse(ComputeTargetsTest.EXAMPLE).all().get(0);
        return RunTarget.of(t, "/scratch/alice/reasonlab/runs/r1", "/scratch/alice/reasonlab/trainer/abc");
    }

    @Test
    void roundTripsThroughTargetJson() throws IOException {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        RunTarget r = record().withJob("1234", now).inSweep("g1", 2)
                .withState(new JobState("PENDING", "Resources", now)).withCancelRequested(now);
        r.write(tmp);
        assertEquals(Optional.of(r), RunTarget.read(tmp));
        assertTrue(Files.readString(tmp.resolve(RunTarget.FILE)).contains("\"jobId\": \"1234\""));
        assertEquals(Optional.empty(), RunTarget.read(tmp.resolve("missing")));
    }

    @Test
    void aBrokenFileNamesItself() throws IOException {
        Files.writeString(tmp.resolve(RunTarget.FILE), "{\"target\":\"x\",\"kind\":\"moon\"}");
        IOException e = assertThrows(IOException.class, () -> RunTarget.read(tmp));
        assertTrue(e.getMessage().startsWith(tmp.resolve(RunTarget.FILE).toString()), e.getMessage());
    }

    @Test
    void runsViewShowsAPendingJobWithItsReasonAndJobId() throws IOException {
        Instant now = Instant.now();
        RunTarget r = record().withJob("77", now).withState(new JobState("PENDING", "Resources", now));
        Files.createDirectories(tmp);
        r.write(tmp);
        Files.writeString(tmp.resolve(RunDirectory.SPEC), "{\"version\":1,\"runId\":\"r1\",\"dataset\":\"/d.jsonl\"}");
        RunInfo info = RunReader.readOnce(tmp).info();
        assertEquals("pending (Resources)", info.statusText());
        assertEquals("lab-cluster \u00b7 job 77", info.targetText());
        assertEquals(RunState.RUNNING, info.state(), "a queued job is live: views keep polling it");
    }

    @Test
    void aJobThatEndedWithoutTheRunFinishingIsCrashedAndSaysWhy() throws IOException {
        Instant now = Instant.now();
        record().withJob("78", now).withState(new JobState("TIMEOUT", null, now)).write(tmp);
        Files.writeString(tmp.resolve(RunDirectory.SPEC), "{\"version\":1,\"runId\":\"r1\",\"dataset\":\"/d.jsonl\"}");
        Files.writeString(tmp.resolve(RunDirectory.EVENTS), "{\"type\":\"started\",\"time\":\"" + now
                + "\",\"runId\":\"r1\",\"mode\":\"l+r\",\"model\":\"tiny\",\"tuning\":\"lora\",\"trainExamples\":6,"
                + "\"evalExamples\":2,\"totalSteps\":10}\n");
        RunInfo info = RunReader.readOnce(tmp).info();
        assertEquals(RunState.CRASHED, info.state());
        assertTrue(info.message().contains("job 78 on lab-cluster ended (timeout)"), info.message());
    }

    @Test
    void aJobCancelledBeforeTheTrainerStartedIsCancelledNotCrashed() throws IOException {
        Instant now = Instant.now();
        Files.writeString(tmp.resolve(RunDirectory.SPEC), "{\"version\":1,\"runId\":\"r1\",\"dataset\":\"/d.jsonl\"}");
        record().withJob("79", now).withState(new JobState("CANCELLED", null, now)).write(tmp);
        assertEquals(RunState.CRASHED, RunReader.readOnce(tmp).info().state(), "cancelled by someone else");
        record().withJob("79", now).withState(new JobState("CANCELLED", null, now)).withCancelRequested(now).write(tmp);
        RunInfo info = RunReader.readOnce(tmp).info();
        assertEquals(RunState.CANCELLED, info.state());
        assertTrue(info.message().startsWith("Cancelled before the trainer started (job 79 on lab-cluster)"),
                info.message());
    }

    @Test
    void jobStatesReadAsTheRunsViewShowsThem() {
        assertEquals("pending (Priority)", new JobState("PENDING", "Priority", null).text());
        assertEquals("running", new JobState("RUNNING", "None", null).text());
        assertEquals("CANCELLED", new JobState("CANCELLED by 0", null, null).state());
        assertTrue(new JobState("PREEMPTED", null, null).hasEnded());
        assertTrue(new JobState("COMPLETING", null, null).isActive());
        assertEquals(List.of(), record().jobs());
    }
}
