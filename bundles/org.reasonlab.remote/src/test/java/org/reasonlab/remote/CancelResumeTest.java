package org.reasonlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.run.CheckpointEvent;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunEventReader;
import org.reasonlab.core.run.RunEvents;
import org.reasonlab.core.run.StartedEvent;
import org.reasonlab.core.run.StepEvent;
import org.reasonlab.core.run.folder.RunReader;
import org.reasonlab.core.run.folder.RunSnapshot;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.remote.ssh.HostKeyApproval;
import org.reasonlab.remote.ssh.PassphraseSource;
import org.reasonlab.remote.ssh.SshConnection;

/** Cancel writes a checkpoint and stops the SLURM job; Resume resubmits it and the run completes from there. */
class CancelResumeTest {
    private static final int STEPS = 60;

    @TempDir
    Path tmp;

    @Test
    void cancelledRunCheckpointsAndResumesToCompletionUnderANewJobId() throws Exception {
        LocalCluster cluster = LocalCluster.get();
        ComputeTarget target = cluster.slurmTarget("cluster", cluster.sharedWorkDir(), cluster.knownHosts(tmp));
        Path run = TestRuns.runFolder(tmp, "cancel-" + System.nanoTime(), TestRuns.dataset(tmp), STEPS);
        try (SshConnection ssh = SshConnection.open(target, HostKeyApproval.REJECT, PassphraseSource.NONE)) {
            RunTarget first = new Submission(ssh, target, LocalCluster.trainerClassPath(), "4g").submit(List.of(run),
                    null).get(0);
            RunMirror mirror = new RunMirror(ssh, Duration.ofSeconds(30));
            waitForSteps(mirror, run, Duration.ofMinutes(3));

            RunTarget cancelling = new RunControl(ssh).cancel(run);
            assertTrue(cancelling.cancelRequested() != null);
            RunSnapshot cancelled = TestRuns.syncUntilEnded(mirror, run, Duration.ofMinutes(2));
            assertEquals(RunState.CANCELLED, cancelled.info().state(), cancelled.info().message());
            RunEvents events = RunEventReader.read(run.resolve(RunDirectory.EVENTS));
            long checkpoint = events.last(CheckpointEvent.class).orElseThrow().step();
            assertTrue(checkpoint > 0 && checkpoint < STEPS, "checkpoint at step " + checkpoint);
            assertTrue(Files.isDirectory(Path.of(first.remoteFolder(), "checkpoints", "step-" + checkpoint)));

            RunTarget resumed = new RunControl(ssh).resume(run);
            assertNotEquals(first.jobId(), resumed.jobId());
            assertEquals(List.of(first.jobId(), resumed.jobId()), resumed.jobs());
            RunSnapshot done = TestRuns.syncUntilEnded(mirror, run, Duration.ofMinutes(4));
            assertEquals(RunState.COMPLETED, done.info().state(), () -> done.info().message() + "\n" + log(run)
                    + "\n" + log(Path.of(first.remoteFolder())));
            RunEvents all = RunEventReader.read(run.resolve(RunDirectory.EVENTS));
            List<StepEvent> steps = all.ofType(StepEvent.class);
            assertEquals(STEPS, steps.get(steps.size() - 1).step());
            assertEquals(2, all.ofType(StartedEvent.class).size(), "started, then resumed");
            assertTrue(steps.stream().filter(s -> s.step() > checkpoint).findFirst().orElseThrow().step()
                    == checkpoint + 1, "the resumed run continues after the checkpoint");
        }
    }

    /** The trainer's log and the crash reports of a run folder, for a failure's message. */
    static String log(Path folder) {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("trainer\\.log|hs_err.*|slurm-.*"))
                    .toList()) {
                String content = Files.readString(p);
                text.append("--- ").append(p).append('\n')
                        .append(content.length() > 4000 ? content.substring(content.length() - 4000) : content);
            }
        } catch (java.io.IOException e) {
            text.append(e);
        }
        return text.toString();
    }

    static void waitForSteps(RunMirror mirror, Path run, Duration limit) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            mirror.sync(run);
            if (!RunEventReader.read(run.resolve(RunDirectory.EVENTS)).ofType(StepEvent.class).isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no step within " + limit + ": " + RunReader.readOnce(run).info().statusText());
    }
}
