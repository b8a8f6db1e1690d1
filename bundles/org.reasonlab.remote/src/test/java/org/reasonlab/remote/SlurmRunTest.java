package org.reasonlab.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.folder.RunSnapshot;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.JobScript;
import org.reasonlab.core.target.RemotePaths;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.remote.ssh.HostKeyApproval;
import org.reasonlab.remote.ssh.PassphraseSource;
import org.reasonlab.remote.ssh.SshConnection;

/** Runs on the real local SLURM cluster, reached over the real sshd: submit, mirror, results. */
class SlurmRunTest {
    @TempDir
    Path tmp;

    @Test
    void tinyLrRunOnSlurmOverSshCompletesAndItsFolderMirrorsTheRemoteOne() throws Exception {
        LocalCluster cluster = LocalCluster.get();
        Path workDir = cluster.sharedWorkDir();
        ComputeTarget target = cluster.slurmTarget("cluster", workDir, cluster.knownHosts(tmp));
        Path dataset = TestRuns.dataset(tmp);
        Path run = TestRuns.runFolder(tmp.resolve("runs"), "L+R (tiny) it's $(touch pwned); x", dataset, 2);

        try (SshConnection ssh = SshConnection.open(target, HostKeyApproval.REJECT, PassphraseSource.NONE)) {
            List<RunTarget> records = new Submission(ssh, target, LocalCluster.trainerClassPath(), "4g")
                    .submit(List.of(run), null);
            RunTarget record = records.get(0);
            assertNotNull(record.jobId());
            assertEquals(RemotePaths.under(workDir.toString(), "runs", run.getFileName().toString()),
                    record.remoteFolder());
            assertTrue(Files.isRegularFile(run.resolve(JobScript.SBATCH_FILE)));
            assertTrue(Files.readString(run.resolve(JobScript.SBATCH_FILE)).contains("#SBATCH --signal=B:TERM@"));
            assertEquals(record, RunTarget.read(run).orElseThrow());

            RunSnapshot snapshot = TestRuns.syncUntilEnded(new RunMirror(ssh, Duration.ofSeconds(5)), run,
                    Duration.ofMinutes(4));
            assertEquals(RunState.COMPLETED, snapshot.info().state(), snapshot.info().message());
            assertNotNull(snapshot.info().accuracy());
            assertTrue(Files.isRegularFile(run.resolve(RunDirectory.METRICS)));
            assertTrue(Files.isRegularFile(run.resolve(RunDirectory.PREDICTIONS)));
            assertTrue(Files.isRegularFile(run.resolve(RunDirectory.ENVIRONMENT)));
            assertFalse(Files.exists(run.resolve(RunDirectory.CHECKPOINTS).resolve("step-2")),
                    "checkpoints stay on the target");
            // the local event log is the remote one, byte for byte
            byte[] remote = new RemoteFiles(ssh, workDir.toString()).readFrom(
                    RemotePaths.under(record.remoteFolder(), RunDirectory.EVENTS), 0);
            assertArrayEquals(remote, Files.readAllBytes(run.resolve(RunDirectory.EVENTS)));
            assertTrue(Files.isDirectory(Path.of(record.remoteFolder(), RunDirectory.CHECKPOINTS)));
            // the quotes and $(...) in the run's name stayed a name
            assertFalse(Files.exists(Path.of(record.remoteFolder(), "pwned")));
            assertFalse(Files.exists(workDir.resolve("runs/pwned")));
            assertEquals("cluster \u00b7 job " + record.jobId(), snapshot.info().targetText());
        }
    }
}
