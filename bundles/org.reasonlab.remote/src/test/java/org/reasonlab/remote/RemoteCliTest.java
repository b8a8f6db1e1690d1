package org.reasonlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.cli.ReasonLabCli;
import org.reasonlab.core.run.folder.RunReader;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.core.target.ComputeTargets;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.remote.cli.RemoteCli;
import org.reasonlab.remote.cli.SubmitCommand;

/** {@code submit}, {@code runs}, {@code sync}, {@code cancel} against the local cluster, reached over SSH. */
class RemoteCliTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clearProperty() {
        System.clearProperty(SubmitCommand.CLASS_PATH_PROPERTY);
    }

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ReasonLabCli(RemoteCli.commands()).run(List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void submitRunsSyncAndCancelOnTheCluster() throws Exception {
        LocalCluster cluster = LocalCluster.get();
        Path targets = tmp.resolve("targets.json");
        new ComputeTargets(List.of(cluster.slurmTarget("lab-cluster", cluster.sharedWorkDir(),
                cluster.knownHosts(tmp)))).write(targets);
        System.setProperty(SubmitCommand.CLASS_PATH_PROPERTY, String.join(File.pathSeparator,
                LocalCluster.trainerClassPath().stream().map(Path::toString).toList()));
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Path run = runs.resolve("cli-" + System.nanoTime());

        Result submitted = cli("submit", "--target", "lab-cluster", "--targets", targets.toString(), "--run-dir",
                run.toString(), "--dataset", TestRuns.dataset(tmp).toString(), "--model", "tiny", "--mode", "l+r",
                "--max-steps", "60", "--epochs", "60", "--batch-size", "48", "--heap", "4g", "--eval-max-new-tokens", "4", "--checkpoint-every", "10000");
        assertEquals(0, submitted.code(), submitted.err());
        RunTarget record = RunTarget.read(run).orElseThrow();
        assertTrue(submitted.out().contains("job " + record.jobId() + " on lab-cluster"), submitted.out());

        Result listed = cli("runs", runs.toString(), "--targets", targets.toString());
        assertEquals(0, listed.code(), listed.err() + listed.out());
        assertTrue(listed.out().contains("lab-cluster \u00b7 job " + record.jobId()), listed.out());
        assertTrue(listed.out().contains(run.getFileName().toString()), listed.out());

        waitFor(run, targets, Duration.ofMinutes(3), "running (step");
        Result cancelled = cli("cancel", run.toString(), "--targets", targets.toString());
        assertEquals(0, cancelled.code(), cancelled.err());
        assertTrue(cancelled.out().contains("SIGTERM sent to job " + record.jobId()), cancelled.out());
        waitFor(run, targets, Duration.ofMinutes(2), "cancelled");
        assertEquals(RunState.CANCELLED, RunReader.readOnce(run).info().state());

        // the checkpoint stays on the target until asked for
        assertTrue(!Files.exists(run.resolve("checkpoints")) || Files.list(run.resolve("checkpoints")).count() == 0);
        Result downloaded = cli("sync", run.toString(), "--targets", targets.toString(), "--download", "checkpoints");
        assertEquals(0, downloaded.code(), downloaded.err());
        assertTrue(downloaded.out().contains("downloaded "), downloaded.out());
        try (var checkpoints = Files.list(run.resolve("checkpoints"))) {
            Path step = checkpoints.findFirst().orElseThrow();
            try (var files = Files.list(step)) {
                assertTrue(files.count() > 0, "the checkpoint's files came back: " + step);
            }
        }
        Result again = cli("sync", run.toString(), "--targets", targets.toString(), "--download", "checkpoints");
        assertTrue(again.out().contains("downloaded 0 file(s)"), "what is here already is not fetched again: "
                + again.out());

        Result unknown = cli("submit", "--target", "nowhere", "--targets", targets.toString(), "--run-dir",
                tmp.resolve("x").toString(), "--dataset", "d.jsonl");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no target \"nowhere\" in " + targets), unknown.err());
        assertTrue(!Files.exists(tmp.resolve("x")), "nothing made for a failed submission");
    }

    @Test
    void submitSaysWhatIsWrongWithARatioOrLambdaSweepBeforeConnecting() throws Exception {
        Path targets = tmp.resolve("targets.json");
        Files.writeString(targets, "{\"targets\":[{\"name\":\"far\",\"kind\":\"slurm\",\"host\":\"127.0.0.1\","
                + "\"port\":1,\"user\":\"nobody\",\"workDir\":\"/tmp/reasonlab-far\"}]}");
        String dataset = TestRuns.dataset(tmp).toString();
        Path run = tmp.resolve("runs/sweep");
        String[][] cases = {
            {"--ratios", "0.1,x", "--ratios: Ratios must be numbers from 0 to 1 separated by commas (0.1,0.25,0.5),"
                    + " not 'x'."},
            {"--ratios", "0.1,0.1", "--ratios: Ratios lists 0.1 twice"},
            {"--ratios", "0.2,1.5", "from 0 to 1, not 1.5"},
            {"--ratios", "0.1,0.5", "needs a mixture of two or more sources"},
            {"--lambdas", "0,1", "the run needs counterfactual attributes"},
        };
        for (String[] c : cases) {
            Result r = cli("submit", "--target", "far", "--targets", targets.toString(), "--run-dir", run.toString(),
                    "--dataset", dataset, "--model", "tiny", c[0], c[1]);
            assertEquals(2, r.code(), c[1] + ": " + r.err());
            assertTrue(r.err().contains(c[2]), r.err());
        }
        assertTrue(!Files.exists(run.getParent()), "nothing made, no connection tried");
    }

    /** {@code sync} until its line shows {@code status}. */
    private static void waitFor(Path run, Path targets, Duration limit, String status) throws Exception {
        Instant end = Instant.now().plus(limit);
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(end)) {
            Result synced = cli("sync", run.toString(), "--targets", targets.toString());
            assertEquals(0, synced.code(), synced.err());
            seen.add(synced.out().strip());
            if (synced.out().contains(status)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("sync never showed \"" + status + "\": " + seen);
    }
}
