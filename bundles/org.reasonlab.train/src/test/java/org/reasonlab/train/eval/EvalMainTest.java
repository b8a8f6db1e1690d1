package org.reasonlab.train.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.counterfactual.ProbeJson;
import org.reasonlab.core.counterfactual.ProbeResults;
import org.reasonlab.core.run.PredictionsFile;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunSpecs;
import org.reasonlab.core.run.folder.RunReader;
import org.reasonlab.train.training.TrainMain;

class EvalMainTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return EvalMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path fourRecords() throws Exception {
        Path d = tmp.resolve("data").resolve("four.jsonl");
        Files.createDirectories(d.getParent());
        Files.writeString(d, """
                {"id":"a","statement":"I helped my friend move.","label":"ethical","reason":"Helping is ethical.","split":"test"}
                {"id":"b","statement":"I stole a bike.","label":"unethical","reason":"Theft is unethical.","split":"test"}
                {"id":"c","statement":"I fed the cat.","label":"ethical","reason":"Care is ethical.","split":"test"}
                {"id":"d","statement":"I lied in court.","label":"unethical","reason":"Perjury is unethical.","split":"test"}
                {"id":"e","statement":"I lied in court.","label":"unethical","reason":"Perjury is unethical.","split":"train"}
                """);
        return d;
    }

    @Test
    void badArgumentsExitWith2() {
        assertEquals(2, run("--dataset", "x.jsonl"));
        assertTrue(err().contains("--model is required"));
        assertEquals(2, run("--model", "tiny"));
        assertEquals(2, run("--model", "tiny", "--dataset", "x", "--mode", "lr2"));
        assertEquals(2, run("--model", "tiny", "--dataset", "x", "--split", "holdout"));
        assertEquals(2, run("--model", "tiny", "--dataset", "x", "--limit", "0"));
        assertEquals(2, run("--model", "tiny", "--dataset", "x", "--device", "tpu"));
        assertEquals(2, run("--model", "tiny", "--dataset", "x", "--precision", "fp16"));
        assertTrue(err().contains("--precision must be auto, fp32 or bf16"), err());
        assertEquals(2, run("--model", "tiny", "--dataset", "x", "--batch-size", "0"));
        assertEquals(2, run("--model", "tiny", "--dataset", "x", "--max-sequence-length", "-1"));
        assertEquals(2, run("--model", "tiny", "--dataset", "x", "--bogus"));
        assertEquals(2, run("--model", "tiny", "--dataset"));
    }

    @Test
    void missingInputsExitWith1WithoutAStackTrace() throws Exception {
        assertEquals(1, run("--model", "tiny", "--dataset", tmp.resolve("none.jsonl").toString(), "--device", "cpu"));
        assertTrue(err().contains("dataset file not found"), err());
        Path data = fourRecords();
        assertEquals(1, run("--model", tmp.resolve("nomodel").toString(), "--dataset", data.toString(), "--device",
                "cpu", "--out", tmp.resolve("o1").toString()));
        assertTrue(err().contains("model folder not found"), err());
        assertEquals(1, run("--model", "tiny", "--dataset", data.toString(), "--split", "validation", "--device",
                "cpu"));
        assertTrue(err().contains("no records in split 'validation'"), err());
        assertFalse(err().contains("\tat "), err());
    }

    @Test
    void tinyPresetWritesBothFiles() throws Exception {
        Path data = fourRecords();
        Path outDir = tmp.resolve("eval-out");
        int code = run("--model", "tiny", "--dataset", data.toString(), "--mode", "l+r", "--out", outDir.toString(),
                "--max-new-tokens", "8", "--device", "cpu", "--batch-size", "3", "--precision", "bf16");
        assertEquals(0, code, err());
        assertTrue(err().contains("UNTRAINED"));
        assertTrue(err().contains("eval: precision bf16"), err());
        var predictions = PredictionsFile.read(outDir.resolve("predictions.jsonl"));
        assertEquals(4, predictions.size()); // the train record is not evaluated
        assertTrue(predictions.stream().allMatch(p -> p.likelihoodLabel() != null), predictions.toString());
        JsonObject m = JsonParser.parseString(Files.readString(outDir.resolve("metrics.json"))).getAsJsonObject();
        assertEquals(4, m.get("records").getAsInt());
        assertEquals(4, m.get("total").getAsInt());
        assertEquals("tiny", m.get("model").getAsString());
        assertEquals(data.toAbsolutePath().toString(), m.get("dataset").getAsString(), "names the dataset evaluated");
        assertEquals("l+r", m.get("mode").getAsString());
        assertEquals("test", m.get("split").getAsString());
        double ll = m.get("likelihoodAccuracy").getAsDouble();
        assertTrue(ll >= 0 && ll <= 1);
        // random weights produce noise: mostly unparseable, which is the correct verdict on it
        assertTrue(m.get("unparseable").getAsInt() >= 3, m.toString());
        assertTrue(Files.readString(outDir.resolve("events.jsonl")).contains("\"type\":\"eval\""));
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("likelihood accuracy"), o);
        assertTrue(o.contains("mean ROUGE-L"), o);
    }

    @Test
    void withAttributesTheCounterfactualVariantsAreEvaluatedAndTheFlipRatesWritten() throws Exception {
        Path d = tmp.resolve("data").resolve("gender.jsonl");
        Files.createDirectories(d.getParent());
        Files.writeString(d, """
                {"id":"a","statement":"He returned the wallet he found.","label":"ethical","reason":"He was honest.","split":"test"}
                {"id":"b","statement":"My brother stole a bike.","label":"unethical","reason":"Theft is wrong.","split":"test"}
                {"id":"c","statement":"She broke her promise.","label":"unethical","reason":"Promises matter.","split":"test"}
                {"id":"d","statement":"I fed the cat.","label":"ethical","reason":"Care is ethical.","split":"test"}
                """);
        Path outDir = tmp.resolve("probe");
        assertEquals(0, run("--model", "tiny", "--dataset", d.toString(), "--mode", "l+r", "--out", outDir.toString(),
                "--max-new-tokens", "6", "--device", "cpu", "--attributes", "builtin:gender"), err());
        JsonObject probe = JsonParser.parseString(Files.readString(outDir.resolve("probe.json"))).getAsJsonObject();
        assertEquals("gender", probe.get("attributes").getAsString());
        assertEquals(4, probe.get("records").getAsInt());
        assertEquals(3, probe.get("withAttribute").getAsInt());
        assertEquals(1, probe.get("skippedAsAmbiguous").getAsInt()); // c: "her" could be him or his
        JsonObject flips = probe.getAsJsonObject("all").getAsJsonObject("labelFlips");
        assertEquals(2, flips.get("n").getAsInt()); // a and b, each with its female variant
        assertTrue(probe.getAsJsonObject("all").getAsJsonObject("labelFlipsByPair").has("he\u2192she"));
        assertEquals(flips.get("k").getAsInt(), probe.getAsJsonArray("flipped").size());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("counterfactual probe (gender)"));
        assertEquals(2, run("--model", "tiny", "--dataset", d.toString(), "--attributes", "builtin:colour"));
        assertTrue(err().contains("--attributes: builtin:colour: no such built-in attribute set"), err());
    }

    /** Six training and three test records; the statement of test record t2 is a training record's too. */
    private Path genderedSplits() throws Exception {
        Path d = tmp.resolve("data").resolve("gendered.jsonl");
        Files.createDirectories(d.getParent());
        Files.writeString(d, """
                {"id":"r0","statement":"I fed a stray cat.","label":"ethical","reason":"Helping animals is kind.","split":"train"}
                {"id":"r1","statement":"He kicked a dog.","label":"unethical","reason":"Hurting pets is cruel.","split":"train"}
                {"id":"r2","statement":"My sister returned a lost wallet.","label":"ethical","reason":"Honesty helps.","split":"train"}
                {"id":"r3","statement":"My brother stole a bike.","label":"unethical","reason":"Theft harms owners.","split":"train"}
                {"id":"r4","statement":"I lied to my boss.","label":"unethical","reason":"Lying breaks trust.","split":"train"}
                {"id":"r5","statement":"The man helped his old neighbour.","label":"ethical","reason":"Caring matters.","split":"train"}
                {"id":"t1","statement":"He returned the wallet he found.","label":"ethical","reason":"He was honest.","split":"test"}
                {"id":"t2","statement":"My brother stole a bike.","label":"unethical","reason":"Theft is wrong.","split":"test"}
                {"id":"t3","statement":"I fed the cat.","label":"ethical","reason":"Care is ethical.","split":"test"}
                """);
        return d;
    }

    /** A finished tiny LoRA run on {@link #genderedSplits()} (two steps), with merged/ when asked. */
    private Path trainedRun(String name, boolean merged) throws Exception {
        Path runDir = tmp.resolve("runs").resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("--dataset", genderedSplits().toString(), "--run-dir",
                runDir.toString(), "--mode", "l+r", "--model", "tiny", "--lora-r", "8", "--max-steps", "2",
                "--batch-size", "3", "--eval-max-new-tokens", "6", "--device", "cpu"));
        if (merged) {
            args.add("--merged");
        }
        ByteArrayOutputStream trainErr = new ByteArrayOutputStream();
        assertEquals(0, TrainMain.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(trainErr, true, StandardCharsets.UTF_8)), trainErr.toString(StandardCharsets.UTF_8));
        return runDir;
    }

    @Test
    void aFinishedRunIsProbedWithItsAdapterOnItsEvaluationRecordsAndTheProbeGoesIntoTheRun() throws Exception {
        Path runDir = trainedRun("lora", false);
        assertFalse(Files.exists(runDir.resolve("merged")));
        List<String> before = List.of(Files.readString(runDir.resolve("predictions.jsonl")),
                Files.readString(runDir.resolve("metrics.json")), Files.readString(runDir.resolve("events.jsonl")));
        assertEquals(0, run("--run", runDir.toString(), "--attributes", "builtin:gender", "--device", "cpu"), err());
        assertTrue(err().contains("eval: probing run lora: tiny with adapter/, 3 test record(s)"), err());
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("counterfactual probe (gender): 2 of 3 records hold its words, 2 variant(s) evaluated"),
                o);
        assertTrue(o.contains("mean |\u0394p(gold)|"), o);
        // the adapter attached to the base reproduces the run's own evaluation
        assertFalse(o.contains("note: the run's own evaluation"), o);
        assertTrue(o.contains("wrote " + runDir.resolve("probe.json")), o);
        assertEquals(before, List.of(Files.readString(runDir.resolve("predictions.jsonl")),
                Files.readString(runDir.resolve("metrics.json")), Files.readString(runDir.resolve("events.jsonl"))),
                "the run's own files stay as they were");

        ProbeResults probe = ProbeJson.read(runDir.resolve("probe.json"));
        RunSpec spec = RunSpecs.read(runDir.resolve("spec.json"));
        assertEquals(new ProbeResults.Subject("tiny", spec.runId(), spec.dataset(), "test"), probe.subject());
        assertEquals(3, probe.records());
        assertEquals(2, probe.withAttribute()); // t1 (he, he) and t2 (brother)
        assertEquals(2, probe.all().labelFlips().n());
        assertEquals(1, probe.clean().labelFlips().n(), "t2's statement is a training record's");
        assertEquals(2, probe.all().likelihoodShift().n(), "every label's likelihood is measured");
        assertEquals(java.util.Set.of("ethical", "unethical"),
                probe.all().likelihoodShift().meanShiftByLabel().keySet());
        double sum = probe.all().likelihoodShift().meanShiftByLabel().values().stream()
                .mapToDouble(Double::doubleValue).sum();
        assertEquals(0, sum, 1e-9, "the probabilities of both labels move by opposite amounts");
        assertTrue(probe.all().likelihoodShift().meanAbsGoldShift() >= 0);
        // the Runs view's reading of the folder has the flip rate
        assertFalse(RunReader.readOnce(runDir).info().labelFlipsText().isEmpty());
    }

    @Test
    void aRunWithMergedIsProbedWithItAndOutPutsTheProbeElsewhere() throws Exception {
        Path runDir = trainedRun("merged", true);
        Path elsewhere = tmp.resolve("elsewhere");
        assertEquals(0, run("--run", runDir.toString(), "--attributes", "builtin:gender", "--device", "cpu",
                "--out", elsewhere.toString(), "--limit", "1"), err());
        assertTrue(err().contains("eval: probing run merged: merged/,"), err());
        assertFalse(Files.exists(runDir.resolve("probe.json")));
        ProbeResults probe = ProbeJson.read(elsewhere.resolve("probe.json"));
        assertEquals(1, probe.records(), "--limit 1: only t1 and its variant");
        assertEquals(1, probe.all().labelFlips().n());
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertEquals(List.of("probe.json"), s.map(p -> p.getFileName().toString()).toList(),
                    "a run's probe writes no evaluation files");
        }
    }

    @Test
    void onlyAFinishedRunWithATunedModelCanBeProbed() throws Exception {
        Path runDir = trainedRun("done", false);
        RunSpec spec = RunSpecs.read(runDir.resolve("spec.json"));
        Path notRun = Files.createDirectories(tmp.resolve("not-a-run"));
        assertEquals(1, run("--run", notRun.toString(), "--attributes", "builtin:gender", "--device", "cpu"));
        assertTrue(err().contains("eval: " + notRun + " is not a run folder (no spec.json)"), err());

        Path unstarted = Files.createDirectories(tmp.resolve("unstarted"));
        RunSpecs.write(spec, unstarted.resolve("spec.json"));
        assertEquals(1, run("--run", unstarted.toString(), "--attributes", "builtin:gender"));
        assertTrue(err().contains("has not completed (status unknown): it has no tuned model to probe"), err());

        Path full = Files.createDirectories(tmp.resolve("full"));
        spec.setTuning(RunSpec.TUNING_FULL);
        RunSpecs.write(spec, full.resolve("spec.json"));
        Files.copy(runDir.resolve("events.jsonl"), full.resolve("events.jsonl"));
        assertEquals(1, run("--run", full.toString(), "--attributes", "builtin:gender"));
        assertTrue(err().contains("has no tuned model to probe: neither merged/ nor adapter/ in " + full
                + " (a full fine-tuning keeps its model only when trained with --merged)"), err());
        assertFalse(Files.exists(full.resolve("probe.json")));
        assertFalse(err().contains("\tat "), err());

        assertEquals(2, run("--run", runDir.toString(), "--attributes", "builtin:gender", "--dataset", "x.jsonl"));
        assertTrue(err().contains("--dataset cannot be given with --run: the run's spec.json decides it"), err());
        assertEquals(2, run("--run", runDir.toString()));
        assertTrue(err().contains("--run probes a finished run and needs --attributes"), err());
    }

    @Test
    void defaultOutputIsANewRunFolderNextToTheDataset() throws Exception {
        Path data = fourRecords();
        assertEquals(0, run("--model", "tiny", "--dataset", data.toString(), "--mode", "l", "--limit", "2",
                "--device", "cpu"), err());
        Path runs = data.getParent().resolve("runs");
        try (Stream<Path> s = Files.list(runs)) {
            Path dir = s.filter(p -> p.getFileName().toString().startsWith("eval-")).findFirst().orElseThrow();
            assertEquals(2, PredictionsFile.read(dir.resolve("predictions.jsonl")).size());
            assertTrue(Files.exists(dir.resolve("metrics.json")));
        }
    }

    @Test
    void sampleTakesTheSeededSampleTrainUsesAndTemplatesAreChecked() throws Exception {
        Path data = fourRecords();
        Path outDir = tmp.resolve("sampled");
        assertEquals(0, run("--model", "tiny", "--dataset", data.toString(), "--mode", "l", "--sample", "2", "--seed",
                "5", "--prompt", "Q: {statement}\nA: ", "--max-new-tokens", "2", "--no-likelihood", "--device", "cpu",
                "--out", outDir.toString()), err());
        var dataset = org.reasonlab.core.io.DatasetLoader.load(data).dataset();
        List<String> expected = org.reasonlab.core.model.SplitRecords.of(dataset, org.reasonlab.core.model.Split.TEST)
                .sample(2, 5).records().stream().map(r -> r.id()).toList();
        assertEquals(expected, PredictionsFile.read(outDir.resolve("predictions.jsonl")).stream()
                .map(p -> p.id()).toList());
        assertEquals(2, run("--model", "tiny", "--dataset", data.toString(), "--mode", "l", "--answer",
                "{label}. {reason}"));
        assertTrue(err().contains("template answer must not contain {reason} in mode l"), err());
        Path notJson = Files.writeString(tmp.resolve("t.json"), "{\"prompt\":");
        assertEquals(2, run("--model", "tiny", "--dataset", data.toString(), "--template", notJson.toString()));
        assertTrue(err().contains("--template " + notJson), err());
        assertEquals(2, run("--model", "tiny", "--dataset", data.toString(), "--sample", "0"));
    }
}
