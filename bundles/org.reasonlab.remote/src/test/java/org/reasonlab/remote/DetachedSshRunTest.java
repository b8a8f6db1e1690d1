package org.reasonlab.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.folder.RunSnapshot;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.core.target.SlurmSettings;
import org.reasonlab.core.target.TargetKind;
import org.reasonlab.remote.ssh.HostKeyApproval;
import org.reasonlab.remote.ssh.PassphraseSource;
import org.reasonlab.remote.ssh.SshConnection;

/**
 * An SSH host without SLURM: the trainer starts detached and survives the sshd being killed mid-run; after it is
 * back, the mirror continues from its byte offset: every event once, none lost.
 */
class DetachedSshRunTest {
    @TempDir
    Path tmp;

    @Test
    void detachedTrainerSurvivesADroppedConnectionAndTheEventsArriveOnceEach() throws Exception {
        LocalCluster cluster = LocalCluster.get();
        ComputeTarget target = cluster.target("gpu-box", TargetKind.SSH, cluster.sharedWorkDir(),
                cluster.knownHosts(tmp), LocalCluster.javaExecutable(), SlurmSettings.defaults());
        Path run = TestRuns.runFolder(tmp, "detached-" + System.nanoTime(), TestRuns.dataset(tmp), 60);
        RunTarget record;
        try (SshConnection ssh = SshConnection.open(target, HostKeyApproval.REJECT, PassphraseSource.NONE)) {
            record = new Submission(ssh, target, LocalCluster.trainerClassPath(), "4g").submit(List.of(run), null)
                    .get(0);
            assertNull(record.jobId());
            assertNotNull(record.pid());
            CancelResumeTest.waitForSteps(new RunMirror(ssh, Duration.ofSeconds(5)), run, Duration.ofMinutes(3));

            cluster.stopSsh();
            assertThrows(IOException.class, () -> new RunMirror(ssh, Duration.ofSeconds(5)).sync(run));
        } finally {
            cluster.startSsh();
        }
        assertTrue(new DetachedTrainer(new LocalConnection()).isAlive(record.pid(), record.remoteFolder()),
                "the trainer runs on without the connection");
        try (SshConnection again = SshConnection.open(target, HostKeyApproval.REJECT, PassphraseSource.NONE)) {
            RunSnapshot done = TestRuns.syncUntilEnded(new RunMirror(again, Duration.ofSeconds(5)), run,
                    Duration.ofMinutes(4));
            assertEquals(RunState.COMPLETED, done.info().state(), done.info().message());
        }
        byte[] remote = Files.readAllBytes(Path.of(record.remoteFolder(), RunDirectory.EVENTS));
        byte[] local = Files.readAllBytes(run.resolve(RunDirectory.EVENTS));
        assertArrayEquals(remote, local, "the mirrored events are the remote ones, byte for byte");
        List<String> lines = Files.readAllLines(run.resolve(RunDirectory.EVENTS));
        Set<String> distinct = new HashSet<>(lines);
        assertEquals(lines.size(), distinct.size(), "no event twice");
    }
}
