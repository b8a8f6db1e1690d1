package org.reasonlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.JobScript;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.core.target.ShellQuote;
import org.reasonlab.core.target.SlurmSettings;
import org.reasonlab.core.target.TargetKind;
import org.reasonlab.remote.ssh.HostKeyApproval;
import org.reasonlab.remote.ssh.HostKeyException;
import org.reasonlab.remote.ssh.PassphraseSource;
import org.reasonlab.remote.ssh.SshConnection;

/** Each way a submission can go wrong gives a clear error and leaves nothing behind. */
class SubmissionErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void unknownPartitionIsSbatchsErrorAndLeavesNoRemoteFolderNorJob() throws Exception {
        LocalCluster cluster = LocalCluster.get();
        Path workDir = Files.createDirectories(tmp.resolve("work"));
        ComputeTarget target = cluster.target("cluster", TargetKind.SLURM, workDir, cluster.knownHosts(tmp),
                LocalCluster.javaExecutable(), new SlurmSettings("gpux", null, null, null, null, null, null, List.of(),
                        null, null));
        Path run = TestRuns.runFolder(tmp.resolve("runs"), "r1", TestRuns.dataset(tmp), 2);
        try (SshConnection ssh = SshConnection.open(target, HostKeyApproval.REJECT, PassphraseSource.NONE)) {
            IOException e = assertThrows(IOException.class, () -> new Submission(ssh, target,
                    LocalCluster.trainerClassPath(), "4g").submit(List.of(run), null));
            assertTrue(e.getMessage().contains("127.0.0.1:" + cluster.sshPort), e.getMessage());
            assertTrue(e.getMessage().contains("sbatch: error: invalid partition specified: gpux"), e.getMessage());
            assertTrue(e.getMessage().contains("sbatch"), e.getMessage());
            assertFalse(Files.exists(workDir.resolve("runs/r1")), "the remote run folder is removed");
            assertFalse(Files.exists(run.resolve(RunTarget.FILE)));
            assertFalse(Files.exists(run.resolve(JobScript.SBATCH_FILE)));
            assertEquals("", ssh.run(ShellQuote.command("squeue", "-h", "-n", "reasonlab-r1")).stdout().strip());
            // the deployed trainer stays: it is reused by the next submission
            try (Stream<Path> trainers = Files.list(workDir.resolve("trainer"))) {
                assertTrue(trainers.allMatch(p -> Files.isRegularFile(p.resolve(TrainerDeployment.COMPLETE_MARKER))));
            }
        }
    }

    @Test
    void missingRemoteJavaIsNamedBeforeAnythingIsUploaded() throws Exception {
        LocalCluster cluster = LocalCluster.get();
        Path workDir = Files.createDirectories(tmp.resolve("work"));
        ComputeTarget target = cluster.target("cluster", TargetKind.SLURM, workDir, cluster.knownHosts(tmp),
                "/opt/no-such-jdk/bin/java", SlurmSettings.defaults());
        Path run = TestRuns.runFolder(tmp.resolve("runs"), "r1", TestRuns.dataset(tmp), 2);
        try (SshConnection ssh = SshConnection.open(target, HostKeyApproval.REJECT, PassphraseSource.NONE)) {
            IOException e = assertThrows(IOException.class, () -> new Submission(ssh, target,
                    LocalCluster.trainerClassPath(), "4g").submit(List.of(run), null));
            assertTrue(e.getMessage().contains("no Java at /opt/no-such-jdk/bin/java"), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + cluster.sshPort), e.getMessage());
            try (Stream<Path> left = Files.list(workDir)) {
                assertEquals(0, left.count(), "nothing was written on the target");
            }
        }
    }

    @Test
    void unreachableHostNamesTheAddress() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ComputeTarget target = new ComputeTarget("gone", TargetKind.SSH, "127.0.0.1", closedPort, "root", null,
                tmp.resolve("known_hosts").toString(), "/srv/reasonlab", null, null, null, null, null);
        IOException e = assertThrows(IOException.class,
                () -> SshConnection.open(target, HostKeyApproval.REJECT, PassphraseSource.NONE));
        assertTrue(e.getMessage().startsWith("root@127.0.0.1:" + closedPort + ": cannot connect"), e.getMessage());
    }

    @Test
    void unknownHostKeyShowsItsFingerprintAndIsAddedOnlyWhenThatFingerprintIsApproved() throws Exception {
        LocalCluster cluster = LocalCluster.get();
        Path knownHosts = tmp.resolve("empty_known_hosts");
        ComputeTarget target = cluster.target("cluster", TargetKind.SLURM, tmp, knownHosts,
                LocalCluster.javaExecutable(), SlurmSettings.defaults());
        HostKeyException e = assertThrows(HostKeyException.class,
                () -> SshConnection.open(target, HostKeyApproval.REJECT, PassphraseSource.NONE));
        assertFalse(e.changed());
        assertTrue(e.fingerprint().startsWith("SHA256:"), e.fingerprint());
        assertTrue(e.getMessage().contains("is not in " + knownHosts) && e.getMessage().contains(e.fingerprint()),
                e.getMessage());
        assertFalse(Files.exists(knownHosts) && Files.size(knownHosts) > 0, "nothing trusted blindly");
        assertThrows(HostKeyException.class, () -> SshConnection.open(target,
                HostKeyApproval.fingerprint("SHA256:somethingelse"), PassphraseSource.NONE));

        try (SshConnection ssh = SshConnection.open(target, HostKeyApproval.fingerprint(e.fingerprint()),
                PassphraseSource.NONE)) {
            assertEquals("ok", ssh.run("echo ok").stdout().strip());
        }
        assertTrue(Files.readString(knownHosts).contains("[127.0.0.1]:" + cluster.sshPort));
        try (SshConnection again = SshConnection.open(target, HostKeyApproval.REJECT, PassphraseSource.NONE)) {
            assertTrue(again.isOpen(), "known now");
        }
    }

    @Test
    void changedHostKeyIsRefusedEvenWhenApprovalWouldSayYes() throws Exception {
        LocalCluster cluster = LocalCluster.get();
        Path other = tmp.resolve("otherkey");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString()).start();
        assertEquals(0, p.waitFor());
        String[] key = Files.readString(tmp.resolve("otherkey.pub")).strip().split(" ");
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + cluster.sshPort + " " + key[0] + " " + key[1] + "\n");
        ComputeTarget target = cluster.target("cluster", TargetKind.SLURM, tmp, knownHosts,
                LocalCluster.javaExecutable(), SlurmSettings.defaults());
        HostKeyException e = assertThrows(HostKeyException.class,
                () -> SshConnection.open(target, (a, t, f) -> true, PassphraseSource.NONE));
        assertTrue(e.changed());
        assertTrue(e.getMessage().contains("differs from the one in " + knownHosts), e.getMessage());
        assertEquals("[127.0.0.1]:" + cluster.sshPort + " " + key[0] + " " + key[1] + "\n",
                Files.readString(knownHosts), "known_hosts is left as it was");
    }

    @Test
    void runNamesAndPathsWithShellCharactersStayArguments() throws Exception {
        LocalCluster cluster = LocalCluster.get();
        Path workDir = Files.createDirectories(tmp.resolve("work $(touch pwned1); `touch pwned2` 'q\" x"));
        ComputeTarget target = cluster.slurmTarget("cluster", workDir, cluster.knownHosts(tmp));
        try (SshConnection ssh = SshConnection.open(target, HostKeyApproval.REJECT, PassphraseSource.NONE)) {
            RemoteFiles files = new RemoteFiles(ssh, workDir.toString());
            for (String name : List.of("a b", "it's", "$(touch pwned3)", "x; touch pwned4", "`touch pwned5`",
                    "\"q\"", "new\\nline", "-rf", "*")) {
                String path = org.reasonlab.core.target.RemotePaths.under(workDir.toString(), name);
                files.write(path, name);
                assertEquals(name, files.readText(path));
                assertEquals(name, Files.readString(workDir.resolve(name)));
                files.removeTree(path);
                assertFalse(Files.exists(workDir.resolve(name)));
            }
            assertThrows(IllegalArgumentException.class, () -> files.removeTree(workDir.resolve("..").toString()));
            assertThrows(IllegalArgumentException.class, () -> files.write("/etc/reasonlab-test", "x"));
            assertThrows(IllegalArgumentException.class,
                    () -> org.reasonlab.core.target.RemotePaths.under(workDir.toString(), "../escape"));
        }
        for (String pwned : List.of("pwned1", "pwned2", "pwned3", "pwned4", "pwned5")) {
            assertFalse(Files.exists(workDir.resolve(pwned)), pwned);
            assertFalse(Files.exists(Path.of("/root", pwned)), pwned);
        }
    }
}
