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
import org.reasonlab.core.run.PredictionsFile;

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
