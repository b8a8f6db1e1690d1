package org.reasonlab.train.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.Device;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;

import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.DatasetSaver;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.run.MessageEvent;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunEvents;
import org.reasonlab.core.run.StepEvent;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.core.traces.TraceFileReader;
import org.reasonlab.core.traces.TraceImport;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.model.Precision;

class TrainMainTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    private static String line(String id, String statement, String label, String reason, String split) {
        return "{\"id\":\"" + id + "\",\"statement\":\"" + statement + "\",\"label\":\"" + label + "\",\"reason\":\""
                + reason + "\",\"split\":\"" + split + "\"}\n";
    }

    @Test
    void datasetWithoutTrainingRecordsIsAClearErrorWithoutStackTrace() throws Exception {
        Path data = tmp.resolve("d.jsonl");
        Files.writeString(data, line("a", "I kicked a dog.", "unethical", "Hurting pets is cruel.", "test"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = TrainMain.run(new String[] {"--dataset", data.toString(), "--run-dir", tmp.resolve("run").toString(),
            "--device", "cpu"}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, rc, e);
        assertTrue(e.contains("no usable training examples"), e);
        assertFalse(e.contains("\tat "), "stack trace: " + e);
        assertEquals(RunStatus.FAILED, new RunDirectory(tmp.resolve("run")).status());
    }

    @Test
    void badArgumentsGiveUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = TrainMain.run(new String[] {"--run-dir", tmp.toString(), "--epochs", "x"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, rc);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--epochs must be a whole number"));
    }

    @Test
    void trainsTinyLoraEndToEndAndWritesAdapterAndEvents() throws Exception {
        Path data = tmp.resolve("d.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            String[] r = TrainFixtures.RECORDS[i];
            sb.append(line("r" + i, r[0], r[1], r[2], i < 6 ? "train" : "test"));
        }
        Files.writeString(data, sb.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path runDir = tmp.resolve("run");
        int rc = TrainMain.run(new String[] {"--dataset", data.toString(), "--run-dir", runDir.toString(), "--mode", "l+r",
            "--model", "tiny", "--tuning", "lora", "--max-steps", "2", "--batch-size", "3", "--device", "cpu"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("\"type\":\"started\"") && o.contains("\"type\":\"step\"")
                && o.contains("\"type\":\"finished\""), o);
        RunDirectory run = new RunDirectory(runDir);
        assertEquals(RunStatus.COMPLETED, run.status());
        assertTrue(Files.isRegularFile(runDir.resolve("spec.json")));
        assertTrue(Files.isDirectory(runDir.resolve("checkpoints/step-2")));
        assertTrue(Files.isRegularFile(runDir.resolve("adapter/adapter_model.safetensors")));
        assertTrue(Files.isRegularFile(runDir.resolve("adapter/adapter_config.json")));
        // evaluation after training, on the test split (2 records)
        assertEquals(2, Files.readAllLines(runDir.resolve("predictions.jsonl")).size());
        assertTrue(Files.readString(runDir.resolve("metrics.json")).contains("\"split\": \"test\""),
                Files.readString(runDir.resolve("metrics.json")));
        assertTrue(o.contains("\"type\":\"eval\""), o);
        // precision auto: LoRA trains in bf16 on a CPU that multiplies bf16 natively, with a float32 base
        // the evaluation computes in fp32
        boolean bf16 = Precision.resolve("auto", Device.cpu()) == Precision.BF16;
        assertEquals(bf16, o.contains("the evaluation computes in fp32"), o);
        assertEquals(bf16 ? "bf16" : "fp32", run.readEnvironment().precision());
    }

    private Path sixTrainTwoTest() throws Exception {
        Path data = tmp.resolve("d.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            String[] r = TrainFixtures.RECORDS[i];
            sb.append(line("r" + i, r[0], r[1], r[2], i < 6 ? "train" : "test"));
        }
        return Files.writeString(data, sb.toString());
    }

    @Test
    void warmupRatioEvalSampleAndTheRankWarningOfTheTinyModel() throws Exception {
        Path data = sixTrainTwoTest();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path runDir = tmp.resolve("ratio");
        int rc = TrainMain.run(new String[] {"--dataset", data.toString(), "--run-dir", runDir.toString(),
            "--max-steps", "2", "--batch-size", "3", "--warmup-ratio", "0.5", "--schedule", "constant", "--lr", "0.01",
            "--eval-sample", "1", "--eval-max-new-tokens", "4", "--device", "cpu"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, e);
        RunEvents events = new RunDirectory(runDir).readEvents();
        // ceil(0.5 x 2) = 1 warm-up step: the first step at 0, the second at the full rate
        assertEquals(List.of(0.0, 0.01), events.events().stream().filter(StepEvent.class::isInstance)
                .map(ev -> ((StepEvent) ev).learningRate()).toList());
        // the tiny model is 64 wide: the default r 64 is no low-rank adaptation
        assertTrue(e.contains("warning: LoRA r 64 is not below the model's hidden size 64"), e);
        assertTrue(events.events().stream().anyMatch(ev -> ev instanceof MessageEvent m
                && m.level() == MessageEvent.Level.WARNING && m.text().contains("hidden size 64")), events.toString());
        assertEquals(1, Files.readAllLines(runDir.resolve("predictions.jsonl")).size(), "a sample of 1 of 2");
    }

    @Test
    void aRankBelowTheHiddenSizeIsNoWarning() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = TrainMain.run(new String[] {"--dataset", sixTrainTwoTest().toString(), "--run-dir",
            tmp.resolve("r8").toString(), "--max-steps", "1", "--lora-r", "8", "--eval-max-new-tokens", "2",
            "--device", "cpu"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, e);
        assertFalse(e.contains("hidden size"), e);
    }

    @Test
    void aMixtureWithCounterfactualTrainingRunsAndCountsEverySourcesStatementAsTrainedOn() throws Exception {
        Path data = Files.writeString(tmp.resolve("own.jsonl"),
                line("o1", "He kicked a dog.", "unethical", "He hurt it.", "train")
                + line("o2", "She fed a cat.", "ethical", "She was kind.", "train")
                + line("o3", "I lied.", "unethical", "Lying breaks trust.", "train")
                + line("o4", "I gave blood.", "ethical", "Donating saves lives.", "train")
                + line("t1", "I stole a car.", "unethical", "Theft harms owners.", "test")
                + line("t2", "She kicked a dog.", "unethical", "She hurt it.", "test"));
        Path augmented = Files.writeString(tmp.resolve("augmented.jsonl"),
                line("a1", "I stole a car.", "unethical", "Theft harms.", "train")
                + line("a2", "He planted a tree.", "ethical", "He helped.", "train"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path runDir = tmp.resolve("mix");
        int rc = TrainMain.run(new String[] {"--dataset", data.toString(), "--run-dir", runDir.toString(),
            "--mode", "l+r", "--max-steps", "2", "--batch-size", "4", "--lora-r", "8", "--eval-max-new-tokens", "4",
            "--device", "cpu", "--mixture", "self=0.5; " + augmented + "=0.5,tag,weight=0.5,mask=builtin:gender",
            "--counterfactual", "builtin:gender", "--counterfactual-augment", "true", "--consistency-weight", "1"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, e);
        RunEvents events = new RunDirectory(runDir).readEvents();
        String messages = events.events().stream().filter(MessageEvent.class::isInstance)
                .map(ev -> ((MessageEvent) ev).text()).toList().toString();
        // 4 examples: 2 of each source, and a variant for each drawn record with a gender word
        assertTrue(messages.matches("(?s).*training on \\d+ example\\(s\\): self \\d+, augmented \\d+ \\(\\d+ counterfactual"
                + " variant\\(s\\) included\\).*"), messages);
        assertTrue(messages.contains("consistency term (weight 1.0) on"), messages);
        // "I stole a car." was trained on through the augmented source: its test record is leaked
        List<String> predictions = Files.readAllLines(runDir.resolve("predictions.jsonl"));
        String t1 = predictions.stream().filter(l -> l.contains("\"t1\"")).findFirst().orElseThrow();
        assertTrue(t1.contains("\"leaked\":true"), t1);
        assertEquals(RunStatus.COMPLETED, new RunDirectory(runDir).status());
    }

    @Test
    void rThenLTrainsOnImportedTracesAndSkipsTheRecordsWithoutOne() throws Exception {
        Path data = Files.writeString(tmp.resolve("human.jsonl"),
                line("r1", "I lied to my friend.", "unethical", "Lying breaks trust.", "train")
                + line("r2", "I fed a stray cat.", "ethical", "Kindness is good.", "train")
                + line("r3", "I stole a bike.", "unethical", "Theft harms owners.", "train")
                + line("t1", "I kept a found wallet.", "unethical", "It is not mine.", "test"));
        Path traces = Files.writeString(tmp.resolve("teacher.jsonl"),
                "{\"id\":\"r1\",\"trace\":\"Step 1: a lie deceives. Step 2: deceiving a friend harms trust. So this"
                + " is unethical.\"}\n{\"id\":\"r2\",\"trace\":\"Feeding a hungry animal helps it. So this is"
                + " ethical.\"}\n");
        TraceImport imported = TraceImport.join(DatasetLoader.load(data).dataset(), data,
                TraceFileReader.read(traces).traces(), Split.TRAIN);
        Path traced = tmp.resolve("traced.jsonl");
        DatasetSaver.saveAs(imported.dataset(), traced, DatasetFormat.JSONL);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path runDir = tmp.resolve("rl");
        int rc = TrainMain.run(new String[] {"--dataset", traced.toString(), "--run-dir", runDir.toString(),
            "--mode", "r->l", "--max-steps", "2", "--batch-size", "2", "--lora-r", "8", "--eval-max-new-tokens", "4",
            "--device", "cpu"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, e);
        // r3 got no trace, so its reason is empty in the copy: R->L, whose answer starts with the reason, skips it
        String messages = new RunDirectory(runDir).readEvents().events().stream().filter(MessageEvent.class::isInstance)
                .map(ev -> ((MessageEvent) ev).text()).toList().toString();
        assertTrue(messages.contains("1 train record(s) skipped: {NO_REASON=1}"), messages);
        // the examples are the traces: the R->L answer of r1 (reason first) holds its trace, not the human reason
        var builder = new org.reasonlab.core.prompt.ExampleBuilder(
                org.reasonlab.core.prompt.PromptTemplates.REASON_THEN_LABEL, imported.dataset().schema());
        String answer = builder.build(imported.dataset().records().get(0)).orElseThrow().answer();
        assertTrue(answer.contains("Step 1: a lie deceives.") && !answer.contains("Lying breaks trust"), answer);
        assertEquals(RunStatus.COMPLETED, new RunDirectory(runDir).status());
    }
}
