package org.reasonlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.folder.RunSnapshot;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.JobScript;
import org.reasonlab.core.target.RemotePaths;
import org.reasonlab.core.target.RunTarget;

/**
 * Three seeds are one SLURM job array; each task is its own run folder, tied by the group id. The target has no
 * host: this machine's {@code sbatch} submits.
 */
class SweepTest {
    @TempDir
    Path tmp;

    @Test
    void threeSeedSweepIsOneJobArrayOfThreeGroupedRuns() throws Exception {
        LocalCluster cluster = LocalCluster.get();
        ComputeTarget target = cluster.localSlurmTarget("local-slurm", cluster.sharedWorkDir());
        Path dataset = TestRuns.dataset(tmp);
        String group = "sweep-" + System.nanoTime();
        List<Path> runs = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            RunSpec spec = TestRuns.spec(dataset, group + "-seed" + seed, 2);
            spec.setSeed(seed);
            Path folder = tmp.resolve(group + "-seed" + seed);
            new RunDirectory(folder).create(spec);
            runs.add(folder);
        }
        try (Connection ssh = new LocalConnection(cluster.environment())) {
            List<RunTarget> records = new Submission(ssh, target, LocalCluster.trainerClassPath(), "4g").submit(runs,
                    group);
            String arrayJob = records.get(0).jobId().substring(0, records.get(0).jobId().indexOf('_'));
            for (int i = 0; i < 3; i++) {
                RunTarget record = records.get(i);
                assertEquals(arrayJob + "_" + i, record.jobId());
                assertEquals(group, record.groupId());
                assertEquals(i, record.arrayIndex());
                assertEquals(record, RunTarget.read(runs.get(i)).orElseThrow());
                assertTrue(Files.readString(runs.get(i).resolve(JobScript.SBATCH_FILE)).contains("#SBATCH --array=0-2"));
            }
            assertTrue(Files.isRegularFile(Path.of(RemotePaths.under(target.workDir(), RemotePaths.SWEEPS, group,
                    JobScript.SBATCH_FILE))));
            RunMirror mirror = new RunMirror(ssh, Duration.ofSeconds(5));
            for (int i = 0; i < 3; i++) {
                RunSnapshot snapshot = TestRuns.syncUntilEnded(mirror, runs.get(i), Duration.ofMinutes(5));
                assertEquals(RunState.COMPLETED, snapshot.info().state(), snapshot.info().message());
                assertEquals(i + 1, new RunDirectory(runs.get(i)).readEnvironment().seed());
            }
        }
    }
}
