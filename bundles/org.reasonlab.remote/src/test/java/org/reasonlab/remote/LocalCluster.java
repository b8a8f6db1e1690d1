package org.reasonlab.remote;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.SlurmSettings;
import org.reasonlab.core.target.TargetKind;

/**
 * The real one-node SLURM cluster and sshd on 127.0.0.1 of {@code releng/scripts/local-cluster.sh}, started once for
 * all tests of this JVM and stopped when it exits. Tests that need it skip where it cannot run (not root, packages
 * missing); {@code ./reasonlab test} and CI install the packages and run as root.
 */
final class LocalCluster {
    private static LocalCluster shared;

    final Path dir;
    final int sshPort;
    final Path script;

    private LocalCluster(Path dir, int sshPort, Path script) {
        this.dir = dir;
        this.sshPort = sshPort;
        this.script = script;
    }

    /** The cluster, started on first use; skips the calling test where it cannot run here. */
    static synchronized LocalCluster get() throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "the local SLURM cluster needs root");
        for (String tool : List.of("/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged", "/usr/sbin/sshd")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), tool + " is not installed (apt-get install -y slurm-wlm"
                    + " munge openssh-server)");
        }
        if (shared == null) {
            Path script = Path.of(System.getProperty("reasonlab.clusterScript", "../../releng/scripts/local-cluster.sh"))
                    .toAbsolutePath().normalize();
            Path dir = Files.createTempDirectory("reasonlab-cluster");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            LocalCluster cluster = new LocalCluster(dir, port, script);
            cluster.call("start", Integer.toString(port));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cluster.call("stop");
                    deleteTree(dir);
                } catch (IOException | InterruptedException e) {
                    // the JVM exits anyway
                }
            }));
            shared = cluster;
        }
        return shared;
    }

    void call(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), args[0], dir.toString()));
        command.addAll(List.of(args).subList(1, args.length));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("local-cluster.sh " + String.join(" ", args) + " failed: " + output);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    void stopSsh() throws IOException, InterruptedException {
        call("ssh-stop");
    }

    void startSsh() throws IOException, InterruptedException {
        call("ssh-start");
    }

    /** One workDir for the tests of this JVM: the trainer is uploaded once and reused, as on a real cluster. */
    Path sharedWorkDir() throws IOException {
        return Files.createDirectories(dir.resolve("work dir"));
    }

    Map<String, String> environment() {
        return Map.of("SLURM_CONF", dir.resolve("slurm.conf").toString());
    }

    Path userKey() {
        return dir.resolve("ssh/userkey");
    }

    /** A known_hosts file that holds the sshd's real host key. */
    Path knownHosts(Path folder) throws IOException {
        String key = Files.readString(dir.resolve("ssh/hostkey.pub")).strip();
        String[] parts = key.split(" ");
        Path file = folder.resolve("known_hosts");
        Files.writeString(file, "[127.0.0.1]:" + sshPort + " " + parts[0] + " " + parts[1] + "\n");
        return file;
    }

    /** A SLURM target reached over SSH, its workDir under {@code workDir}. */
    ComputeTarget slurmTarget(String name, Path workDir, Path knownHosts) {
        return target(name, TargetKind.SLURM, workDir, knownHosts, javaExecutable(), SlurmSettings.defaults());
    }

    ComputeTarget target(String name, TargetKind kind, Path workDir, Path knownHosts, String java,
            SlurmSettings slurm) {
        SlurmSettings s = new SlurmSettings(slurm.partition(), slurm.gpus(), 1, "1500M", slurm.time(),
                slurm.account(), slurm.qos(), slurm.extra(), slurm.signalSeconds(), 5);
        return new ComputeTarget(name, kind, "127.0.0.1", sshPort, "root", userKey().toString(),
                knownHosts.toString(), workDir.toString(), java, List.of(), Map.of(), s, "cpu");
    }

    /** A SLURM target without a host: submitted with this machine's sbatch. */
    ComputeTarget localSlurmTarget(String name, Path workDir) {
        return new ComputeTarget(name, TargetKind.SLURM, null, null, null, null, null, workDir.toString(),
                javaExecutable(), List.of(), Map.of(), new SlurmSettings(null, null, 1, "1500M", null, null, null,
                        List.of(), null, 5), "cpu");
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The trainer's class path as this test JVM has it: what a local run would use. */
    static List<Path> trainerClassPath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            boolean test = entry.contains("test-classes") || name.startsWith("junit") || name.startsWith("opentest4j")
                    || name.startsWith("apiguardian") || name.startsWith("surefire") || name.contains("-tests")
                    || name.startsWith("sshd") || name.startsWith("bcprov") || entry.contains("org.reasonlab.remote");
            if (!test && !entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        return entries;
    }
}
