package org.reasonlab.ui.internal.runs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.ComputeTargets;
import org.reasonlab.core.target.SlurmSettings;
import org.reasonlab.core.target.TargetKind;

/**
 * The real one-node SLURM cluster and sshd of {@code releng/scripts/local-cluster.sh} for the workbench tests
 * (the same recipe as org.reasonlab.remote's tests): started by {@link #start}, stopped and removed by
 * {@link #close}. Skips the test where it cannot run (not root, packages missing).
 */
final class ClusterFixture implements AutoCloseable {
    final Path dir;
    final int sshPort;
    private final Path script;

    private ClusterFixture(Path dir, int sshPort, Path script) {
        this.dir = dir;
        this.sshPort = sshPort;
        this.script = script;
    }

    static ClusterFixture start() throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "the local SLURM cluster needs root");
        for (String tool : List.of("/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged", "/usr/sbin/sshd")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), tool + " is not installed");
        }
        String scriptProperty = System.getProperty("reasonlab.clusterScript");
        assumeTrue(scriptProperty != null && Files.isRegularFile(Path.of(scriptProperty)),
                "releng/scripts/local-cluster.sh not found");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ClusterFixture cluster = new ClusterFixture(Files.createTempDirectory("reasonlab-ui-cluster"), port,
                Path.of(scriptProperty));
        cluster.call("start", Integer.toString(port));
        return cluster;
    }

    private void call(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), args[0], dir.toString()));
        command.addAll(List.of(args).subList(1, args.length));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("local-cluster.sh " + String.join(" ", args) + " failed: " + output);
        }
    }

    /** A targets file with one SLURM target {@code name} on this cluster, reached over SSH. */
    Path targetsFile(String name) throws IOException {
        String[] key = Files.readString(dir.resolve("ssh/hostkey.pub")).strip().split(" ");
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + sshPort + " " + key[0] + " " + key[1] + "\n");
        Path workDir = Files.createDirectories(dir.resolve("work"));
        ComputeTarget target = new ComputeTarget(name, TargetKind.SLURM, "127.0.0.1", sshPort, "root",
                dir.resolve("ssh/userkey").toString(), knownHosts.toString(), workDir.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of(), Map.of(),
                new SlurmSettings("debug", null, 1, "1500M", null, null, null, List.of(), null, 5), "cpu");
        Path file = dir.resolve("targets.json");
        new ComputeTargets(List.of(target)).write(file);
        return file;
    }

    /**
     * A running job holding all of the node's CPUs, so that the next jobs wait ("pending (Resources)") until it is
     * cancelled, however many CPUs the node has and however fast the jobs would run. The count is SLURM's, which
     * need not be the test JVM's {@code availableProcessors()} (a container's CPU quota limits the JVM, not
     * {@code nproc}).
     */
    String occupyAllCpus() throws IOException, InterruptedException {
        int cpus = Integer.parseInt(slurm("sinfo", "-h", "-N", "-o", "%c").lines().findFirst().orElseThrow().strip());
        String jobId = slurm("sbatch", "--parsable", "--cpus-per-task=" + cpus, "--mem=500M",
                "--output=/dev/null", "--wrap", "sleep 600").strip();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String state = "";
        while (System.nanoTime() < deadline) {
            state = slurm("squeue", "-h", "-j", jobId, "-o", "%T").strip();
            if (state.equals("RUNNING")) {
                return jobId;
            }
            Thread.sleep(250);
        }
        throw new IOException("the job occupying all " + cpus + " CPUs is " + state + ", not running");
    }

    private String slurm(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    void cancel(String jobId) throws IOException, InterruptedException {
        if (jobId != null) {
            slurm("scancel", jobId);
        }
    }

    Map<String, String> environment() {
        return Map.of("SLURM_CONF", dir.resolve("slurm.conf").toString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        call("stop");
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
