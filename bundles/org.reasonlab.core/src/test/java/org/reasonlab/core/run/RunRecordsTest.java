package org.reasonlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;

/** No run is evaluated on the records it trains on. */
class RunRecordsTest {

    private static Dataset dataset(int n, Split... splits) {
        List<DatasetEntry> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(new DatasetRecord("r" + i, "Statement " + i + ".", i % 2 == 0 ? "ethical" : "unethical",
                    "Because.", splits.length == 0 ? null : splits[i % splits.length]));
        }
        return new Dataset(LabelSchema.defaultSchema(), FileLayout.defaultFor(DatasetFormat.JSONL), List.copyOf(records));
    }

    private static Set<String> ids(List<DatasetRecord> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.id()));
        return ids;
    }

    @Test
    void aDatasetWithoutSplitsIsRefusedNamingTheWaysOut() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunRecords.of(dataset(10), new RunSpec(), "plain.jsonl"));
        assertTrue(e.getMessage().startsWith("plain.jsonl assigns no splits, so the evaluation after training would"
                + " score the training records."), e.getMessage());
        assertTrue(e.getMessage().contains("--split train"), e.getMessage());
        assertTrue(e.getMessage().contains("--holdout 0.1 --split-seed 1"), e.getMessage());
    }

    @Test
    void theDatasetsSplitsAreUsedAsTheSpecNamesThem() {
        RunRecords r = RunRecords.of(dataset(9, Split.TRAIN, Split.TRAIN, Split.TEST), new RunSpec(), "d.jsonl");
        assertEquals(6, r.train().size());
        assertEquals(3, r.eval().size());
        assertEquals("test", r.evalName());
        assertTrue(r.train().stream().allMatch(x -> x.split() == Split.TRAIN));
        RunSpec same = new RunSpec();
        same.setEvalSplit("train");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunRecords.of(dataset(9, Split.TRAIN, Split.TEST), same, "d.jsonl"));
        assertTrue(e.getMessage().startsWith("the evaluation split must differ from the train split (train)"),
                e.getMessage());
        assertTrue(same.validate().stream().anyMatch(p -> p.startsWith("evalSplit must differ from trainSplit")),
                same.validate().toString());
    }

    @Test
    void aHoldoutIsASeededShareOfTheTrainingRecordsNeverTrainedOn() {
        RunSpec spec = new RunSpec();
        spec.setHoldout(0.1);
        spec.setSplitSeed(7L);
        RunRecords a = RunRecords.of(dataset(200), spec, "plain.jsonl");
        assertEquals(20, a.eval().size());
        assertEquals(180, a.train().size());
        assertEquals("holdout", a.evalName());
        Set<String> held = ids(a.eval());
        assertTrue(a.train().stream().noneMatch(r -> held.contains(r.id())), "disjoint");
        assertEquals(held, ids(RunRecords.of(dataset(200), spec, "plain.jsonl").eval()), "the same seed, the same records");
        spec.setSplitSeed(8L);
        assertTrue(!held.equals(ids(RunRecords.of(dataset(200), spec, "plain.jsonl").eval())), "another seed, others");
        spec.setSplitSeed(null);
        spec.setSeed(7);
        assertEquals(held, ids(RunRecords.of(dataset(200), spec, "plain.jsonl").eval()), "no split seed: the run's seed");

        // with splits, the share comes out of the train split only
        RunRecords split = RunRecords.of(dataset(200, Split.TRAIN, Split.TEST), spec, "d.jsonl");
        assertEquals(10, split.eval().size());
        assertTrue(split.eval().stream().allMatch(r -> r.split() == Split.TRAIN));
        assertEquals(90, split.train().size());
    }

    @Test
    void anEvaluationAloneScoresTheRecordsARunWithTheSameSettingsWould() {
        RunSpec spec = new RunSpec();
        spec.setHoldout(0.1);
        spec.setSplitSeed(3L);
        RunRecords run = RunRecords.of(dataset(100), spec, "plain.jsonl");
        RunRecords alone = RunRecords.forEvaluation(dataset(100), Split.TRAIN, Split.TEST, 0.1, 3L, "plain.jsonl");
        assertEquals(ids(run.eval()), ids(alone.eval()));
        assertEquals(ids(run.train()), ids(alone.train()));

        RunRecords all = RunRecords.forEvaluation(dataset(10), Split.TRAIN, Split.TEST, null, 1, "plain.jsonl");
        assertEquals(10, all.eval().size(), "no splits, no holdout: a base model is scored on every record");
        assertTrue(all.train().isEmpty());
        assertEquals("all", all.evalName());
        RunRecords split = RunRecords.forEvaluation(dataset(9, Split.TRAIN, Split.VALIDATION, Split.TEST),
                Split.VALIDATION, Split.TEST, null, 1, "d.jsonl");
        assertEquals(3, split.eval().size());
        assertTrue(split.train().stream().allMatch(r -> r.split() == Split.VALIDATION), "leaks against trainSplit");
    }

    @Test
    void holdoutLimitsAreChecked() {
        RunSpec spec = new RunSpec();
        spec.setHoldout(0.95);
        assertTrue(spec.validate().stream().anyMatch(p -> p.startsWith("holdout ")), spec.validate().toString());
        spec.setHoldout(0.0);
        assertTrue(spec.validate().stream().anyMatch(p -> p.startsWith("holdout ")), spec.validate().toString());
        spec.setHoldout(0.5);
        spec.setEvalSplit("train");
        assertTrue(spec.validate().stream().noneMatch(p -> p.startsWith("holdout ") || p.startsWith("evalSplit ")),
                spec.validate().toString());
        assertThrows(IllegalArgumentException.class, () -> RunRecords.of(dataset(1), spec, "one.jsonl"));
    }

    @Test
    void theDerivedGenerationLengthLeavesRoomBeyondTheLongestAnswer() {
        assertEquals(18, RunSpec.deriveEvalMaxNewTokens(10, 100, 512), "longest answer + 8");
        assertEquals(250, RunSpec.deriveEvalMaxNewTokens(200, 100, 512), "longest answer + a quarter");
        assertEquals(212, RunSpec.deriveEvalMaxNewTokens(200, 300, 512), "the margin leaves the longest prompt room");
        assertEquals(200, RunSpec.deriveEvalMaxNewTokens(200, 400, 512), "but never less than the longest answer");
        assertEquals(412, RunSpec.deriveEvalMaxNewTokens(600, 100, 512),
                "answers training cut: what leaves the longest prompt room");
        assertEquals(256, RunSpec.deriveEvalMaxNewTokens(600, 500, 512),
                "answers and prompts both long: half the sequence length each");
        assertEquals(RunSettings.MAX_NEW_TOKENS, RunSpec.deriveEvalMaxNewTokens(100_000, 10, 200_000));
    }
}
