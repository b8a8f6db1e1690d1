package org.reasonlab.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.folder.RunReader;
import org.reasonlab.core.run.folder.RunSnapshot;

/** A small DFAR-like dataset and tiny-model run folders for the compute target tests. */
final class TestRuns {
    private static final String[][] RECORDS = {
        {"I fed a stray cat.", "ethical", "Helping animals is kind."},
        {"I kicked a dog.", "unethical", "Hurting pets is cruel."},
        {"I returned a lost wallet.", "ethical", "Honesty helps others."},
        {"I stole from a shop.", "unethical", "Theft harms owners."},
        {"I lied to my boss.", "unethical", "Lying breaks trust."},
        {"I helped my old neighbour.", "ethical", "Caring for elders matters."},
        {"I cheated on a test.", "unethical", "Cheating is dishonest."},
        {"I gave blood today.", "ethical", "Donating saves lives."},
    };

    private TestRuns() {
    }

    /** Training records: 72 (the 6 training statements, each 12 times, numbered); 2 test records. */
    static final int TRAIN_RECORDS = 72;
    /** A long run's batch: steps slow enough to cancel mid-run, few of them. */
    static final int LONG_RUN_BATCH = 48;

    static Path dataset(Path folder) throws IOException {
        StringBuilder sb = new StringBuilder();
        int id = 0;
        for (int copy = 0; copy < TRAIN_RECORDS / 6; copy++) {
            for (int i = 0; i < 6; i++) {
                line(sb, id++, RECORDS[i][0].replace(".", " (" + copy + ")."), RECORDS[i][1], RECORDS[i][2], "train");
            }
        }
        for (int i = 6; i < RECORDS.length; i++) {
            line(sb, id++, RECORDS[i][0], RECORDS[i][1], RECORDS[i][2], "test");
        }
        Path file = folder.resolve("ethics.jsonl");
        Files.writeString(file, sb.toString());
        return file;
    }

    private static void line(StringBuilder sb, int id, String statement, String label, String reason, String split) {
        sb.append("{\"id\":\"r").append(id).append("\",\"statement\":\"").append(statement)
                .append("\",\"label\":\"").append(label).append("\",\"reason\":\"").append(reason)
                .append("\",\"split\":\"").append(split).append("\"}\n");
    }

    /**
     * The spec of a tiny L+R LoRA run of {@code steps} steps: batches of 3 for a short run, of {@value #LONG_RUN_BATCH}
     * for a longer one (fewer, slower steps).
     */
    static RunSpec spec(Path dataset, String runId, int steps) {
        RunSpec spec = new RunSpec();
        spec.setDataset(dataset.toString());
        spec.setMode(TrainingMode.parse("l+r").orElseThrow());
        spec.setTemplate(spec.template());
        spec.setModel("tiny");
        spec.setTuning("lora");
        spec.setMaxSteps(steps);
        spec.setEpochs(steps);
        spec.setBatchSize(steps <= 5 ? 3 : LONG_RUN_BATCH);
        spec.setDevice("cpu");
        spec.setEvalMaxNewTokens(4);
        spec.setCheckpointEvery(10_000); // long runs checkpoint when cancelled, not every 100 steps
        spec.setRunId(runId);
        spec.setCreated(Instant.now());
        return spec;
    }

    static Path runFolder(Path parent, String name, Path dataset, int steps) throws IOException {
        Path folder = parent.resolve(name);
        new RunDirectory(folder).create(spec(dataset, name, steps));
        return folder;
    }

    /** Syncs until the job has ended (or the time is up); returns the last snapshot. */
    static RunSnapshot syncUntilEnded(RunMirror mirror, Path run, Duration limit) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (mirror.sync(run).ended()) {
                return RunReader.readOnce(run);
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the run in " + run + " did not end within " + limit + ": "
                + RunReader.readOnce(run).info().statusText());
    }
}
