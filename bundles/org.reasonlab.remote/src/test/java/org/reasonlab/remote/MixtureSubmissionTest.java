package org.reasonlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunSpecs;
import org.reasonlab.core.run.folder.RunSnapshot;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.RemotePaths;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.core.training.MixtureSource;

/**
 * A run with a mixture and counterfactual training on a SLURM target: the other source's dataset and the attribute
 * set files go with the run, and the spec on the target points at the copies, so the job finds them.
 */
class MixtureSubmissionTest {
    @TempDir
    Path tmp;

    @Test
    void theMixturesDatasetsAndAttributeFilesAreUploadedAndTheRemoteSpecPointsAtThem() throws Exception {
        LocalCluster cluster = LocalCluster.get();
        ComputeTarget target = cluster.localSlurmTarget("local-slurm", cluster.sharedWorkDir());
        Path dataset = TestRuns.dataset(tmp);
        // the other source has the same file name as the run's dataset: it keeps it, in a folder of its own
        Path augmented = Files.createDirectories(tmp.resolve("augmented")).resolve("ethics.jsonl");
        Files.writeString(augmented, Files.readString(dataset).replace("\"statement\":\"", "\"statement\":\"He said: "));
        Path attributes = tmp.resolve("pronouns.json");
        Files.writeString(attributes, "{\"format\":\"reasonlab-attributes/1\",\"name\":\"pronouns\","
                + "\"values\":[\"male\",\"female\"],\"terms\":[[\"he\",\"she\"],[\"him\",\"her\"]]}");
        RunSpec spec = TestRuns.spec(dataset, "mixture-" + System.nanoTime(), 2);
        spec.setMixture(List.of(MixtureSource.plain(MixtureSource.SELF, 0.5),
                new MixtureSource(augmented.toString(), 0.5, true, 0.5, attributes.toString())));
        spec.setCounterfactualAttributes(attributes.toString());
        spec.setCounterfactualAugment(true);
        spec.setConsistencyWeight(0.5);
        Path run = tmp.resolve(spec.runId());
        new RunDirectory(run).create(spec);

        try (Connection local = new LocalConnection(cluster.environment())) {
            RunTarget record = new Submission(local, target, LocalCluster.trainerClassPath(), "4g").submit(List.of(run),
                    null).get(0);
            String data = RemotePaths.under(record.remoteFolder(), "dataset");
            RunSpec remote = RunSpecs.read(Path.of(RemotePaths.under(record.remoteFolder(), RunDirectory.SPEC)));
            assertEquals(RemotePaths.under(data, "ethics.jsonl"), remote.dataset());
            assertEquals(MixtureSource.SELF, remote.mixture().get(0).dataset());
            MixtureSource other = remote.mixture().get(1);
            assertEquals(RemotePaths.under(data, "mixture", "1", "ethics.jsonl"), other.dataset());
            assertEquals(RemotePaths.under(data, "mixture", "1", "mask", "pronouns.json"), other.maskAttributes());
            assertTrue(other.tag() && other.lossWeight() == 0.5 && other.ratio() == 0.5);
            assertEquals(RemotePaths.under(data, "attributes", "pronouns.json"), remote.counterfactualAttributes());
            assertEquals(Files.readString(augmented), Files.readString(Path.of(other.dataset())));
            assertEquals(augmented.toString(), new RunDirectory(run).readSpec().mixture().get(1).dataset(),
                    "the local spec keeps the local files");

            RunSnapshot snapshot = TestRuns.syncUntilEnded(new RunMirror(local, Duration.ofSeconds(5)), run,
                    Duration.ofMinutes(5));
            assertEquals(RunState.COMPLETED, snapshot.info().state(), snapshot.info().message());
            String events = Files.readString(run.resolve(RunDirectory.EVENTS));
            // both sources trained on (72 examples, half each), the variants of the "He said" examples added
            assertTrue(events.contains("training on ") && events.contains("self 36")
                    && events.contains("counterfactual variant(s) included"), events);
        }
    }
}
