package org.reasonlab.train.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.eval.TrainingStatements;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.prompt.PromptTemplates;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.EvalEvent;
import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.run.PredictionsFile;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunEvent;

/** The evaluator end to end with a fake answer source whose outputs are known. No DJL. */
public class EvaluatorTest {
    @TempDir
    Path tmp;

    /** Answers by statement; likelihood prefers a fixed label per statement. */
    static final class FakeSource implements AnswerSource {
        final Map<String, String> answers;
        final Map<String, String> likely;
        final List<List<String>> continuationsSeen = new ArrayList<>();
        final List<String> prompts = new ArrayList<>();

        FakeSource(Map<String, String> answers, Map<String, String> likely) {
            this.answers = answers;
            this.likely = likely;
        }

        private String statementOf(String prompt) {
            return answers.keySet().stream().filter(prompt::contains).findFirst().orElseThrow();
        }

        @Override
        public GeneratedAnswer generate(String prompt) {
            prompts.add(prompt);
            return GeneratedAnswer.complete(answers.get(statementOf(prompt)));
        }

        @Override
        public boolean scoresContinuations() {
            return likely != null;
        }

        @Override
        public double[] logLikelihoods(String prompt, List<String> continuations, boolean wholeAnswers) {
            continuationsSeen.add(continuations);
            String best = likely.get(statementOf(prompt));
            double[] ll = new double[continuations.size()];
            for (int i = 0; i < ll.length; i++) {
                ll[i] = continuations.get(i).startsWith(best) ? -1.0 : -5.0;
            }
            return ll;
        }
    }

    public static List<DatasetRecord> sixRecords() {
        return List.of(
                new DatasetRecord("r1", "I helped my neighbour carry groceries.", "ethical",
                        "Helping others is kind and ethical.", Split.TEST),
                new DatasetRecord("r2", "I stole a wallet.", "1", "Stealing harms the owner, which is unethical.",
                        Split.TEST),
                new DatasetRecord("r3", "I fed the stray cat.", "0", "Feeding a hungry animal is ethical.", Split.TEST),
                new DatasetRecord("r4", "I lied to my boss about being sick.", "unethical",
                        "Lying to deceive is unethical.", Split.TEST),
                new DatasetRecord("r5", "I returned the extra change.", "ethical", "Honesty is ethical.", Split.TEST),
                new DatasetRecord("r6", "I kicked a dog.", "unethical", "Hurting an animal is unethical.", Split.TEST));
    }

    static FakeSource fake() {
        return new FakeSource(Map.of(
                "I helped my neighbour carry groceries.", "ethical. Helping others is kind and ethical.",
                "I stole a wallet.", "unethical. Stealing hurts the owner and is unethical.",
                "I fed the stray cat.", "unethical. Cats should not be fed.", // wrong
                "I lied to my boss about being sick.", "ethical. A small lie is fine.", // wrong
                "I returned the extra change.", "I am not sure what to say", // unparseable
                "I kicked a dog.", "unethical. Hurting an animal is unethical.\n### Question: next"),
                Map.of("I helped my neighbour carry groceries.", "ethical", "I stole a wallet.", "unethical",
                        "I fed the stray cat.", "ethical", "I lied to my boss about being sick.", "ethical",
                        "I returned the extra change.", "unethical", "I kicked a dog.", "unethical"));
    }

    @Test
    void scoresKnownAnswersAndWritesTheRunFiles() throws Exception {
        FakeSource source = fake();
        List<int[]> progress = new ArrayList<>();
        EvalResult result = new Evaluator(TrainingMode.L_PLUS_R, "fake-model")
                .progress((done, total, p) -> progress.add(new int[] {done, total}))
                .evaluate(sixRecords(), LabelSchema.defaultSchema(), "test", source);

        assertEquals(6, result.records());
        assertEquals(0, result.skipped());
        var c = result.report().classification();
        assertEquals(6, c.total());
        assertEquals(3, c.correct());
        assertEquals(0.5, c.accuracy(), 1e-12);
        assertEquals(1, c.unparseable());
        assertEquals(List.of("ethical", "unethical"), c.confusion().labels());
        int[][] counts = c.confusion().counts();
        assertArrayEquals(new int[] {1, 1, 1}, counts[0]); // gold ethical: r1 right, r3 wrong, r5 unparseable
        assertArrayEquals(new int[] {1, 2, 0}, counts[1]); // gold unethical: r4 wrong, r2 + r6 right

        // likelihood: r1, r2, r3, r6 right; r4, r5 wrong
        assertEquals(4, result.likelihoodCorrect());
        assertEquals(4.0 / 6, result.likelihoodAccuracy(), 1e-12);
        assertEquals(List.of("ethical", "unethical", "ethical", "ethical", "unethical", "unethical"),
                result.likelihoodLabels());
        assertEquals(List.of("ethical.", "unethical."), source.continuationsSeen.get(0));
        assertEquals(PromptTemplates.LABEL_AND_REASON.prompt("I stole a wallet."), source.prompts.get(1));
        assertEquals(6, progress.size());
        assertArrayEquals(new int[] {6, 6}, progress.get(5));

        // the files
        RunDirectory run = new RunDirectory(tmp.resolve("run"));
        List<RunEvent> events = new ArrayList<>();
        result.write(run);
        Evaluator.emit(result, 7, events::add);
        List<Prediction> read = PredictionsFile.read(run.predictionsFile());
        assertEquals(result.predictions(), read);
        assertEquals("r2", read.get(1).id());
        assertEquals("unethical", read.get(1).goldLabel()); // alias 1 resolved
        assertFalse(read.get(4).parseable());
        assertNull(read.get(4).predictedLabel());
        assertEquals("Hurting an animal is unethical.", read.get(5).generatedReason());
        // each record's likelihood-chosen label is in predictions.jsonl
        assertEquals(result.likelihoodLabels(), read.stream().map(Prediction::likelihoodLabel).toList());
        assertEquals("unethical", read.get(4).likelihoodLabel()); // r5: gold ethical, the generated answer unparseable
        assertFalse(read.get(4).likelihoodCorrect());
        assertEquals(4, read.stream().filter(Prediction::likelihoodCorrect).count());
        assertTrue(Files.readAllLines(run.predictionsFile()).get(0).contains("\"likelihoodLabel\":\"ethical\""));
        // and every label's log-likelihood, in the schema's order, for the probe's likelihood shift
        assertEquals(List.of("ethical", "unethical"), List.copyOf(read.get(0).labelLogLikelihoods().keySet()));
        assertEquals(-1.0, read.get(0).labelLogLikelihoods().get("ethical"), 0);
        assertEquals(-5.0, read.get(0).labelLogLikelihoods().get("unethical"), 0);
        assertTrue(Files.readAllLines(run.predictionsFile()).get(0)
                .endsWith("\"labelLogLikelihoods\":{\"ethical\":-1.0,\"unethical\":-5.0}}"));

        JsonObject m = JsonParser.parseString(Files.readString(run.metricsFile(), StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertEquals(6, m.get("total").getAsInt());
        assertEquals(3, m.get("correct").getAsInt());
        assertEquals(0.5, m.get("accuracy").getAsDouble(), 1e-12);
        assertEquals(1, m.get("unparseable").getAsInt());
        assertEquals(4.0 / 6, m.get("likelihoodAccuracy").getAsDouble(), 1e-12);
        assertEquals(4, m.get("likelihoodCorrect").getAsInt());
        assertEquals("l+r", m.get("mode").getAsString());
        assertEquals("fake-model", m.get("model").getAsString());
        assertEquals("test", m.get("split").getAsString());
        assertEquals(6, m.get("records").getAsInt());
        assertEquals(1, m.getAsJsonObject("confusion").getAsJsonArray("counts").get(0).getAsJsonArray().get(2)
                .getAsInt());
        assertEquals(read.stream().filter(p -> p.generatedReason() != null).count(),
                m.getAsJsonObject("reasons").get("generated").getAsLong());
        assertEquals(1.0, m.getAsJsonObject("reasons").get("agreement").getAsDouble(), 1e-12); // every clear verdict agrees

        EvalEvent e = (EvalEvent) events.get(0);
        assertEquals(7, e.step());
        assertEquals(0.5, e.metrics().get("accuracy"), 1e-12);
        assertEquals(4.0 / 6, e.metrics().get("likelihoodAccuracy"), 1e-12);
        assertEquals(1.0 / 6, e.metrics().get("unparseableRate"), 1e-12);

        String summary = result.humanSummary();
        assertTrue(summary.contains("accuracy             0.5000 (3/6)"), summary);
        assertTrue(summary.contains("likelihood accuracy  0.6667 (4/6)"), summary);
    }

    @Test
    void eventLogGetsTheEvalEvent() throws Exception {
        EvalResult result = new Evaluator(TrainingMode.L_PLUS_R, "fake").evaluate(sixRecords(),
                LabelSchema.defaultSchema(), "test", fake());
        RunDirectory run = new RunDirectory(tmp.resolve("run2"));
        try (var log = run.openEventLog()) {
            Evaluator.write(result, run, log, 3);
        }
        var events = run.readEvents();
        String text = Files.readString(run.eventsFile(), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"type\":\"eval\""), text);
        assertTrue(text.contains("\"likelihoodAccuracy\""), text);
        assertTrue(Files.exists(run.metricsFile()));
        assertTrue(events != null);
    }

    @Test
    void modeLUsesBareLabelsAndSourcesWithoutLikelihoodReportNull() {
        FakeSource noLikelihood = new FakeSource(fake().answers, null);
        EvalResult r = new Evaluator(TrainingMode.L, "fake").evaluate(sixRecords(), LabelSchema.defaultSchema(),
                "test", noLikelihood);
        assertNull(r.likelihoodAccuracy());
        assertNull(r.likelihoodLabels());
        assertTrue(r.predictions().stream().allMatch(p -> p.likelihoodLabel() == null));
        assertFalse(r.summary().containsKey("likelihoodAccuracy"));
        assertTrue(r.toJson().get("likelihoodAccuracy").isJsonNull());
        assertEquals(PromptTemplates.LABEL_ONLY.prompt("I kicked a dog."), noLikelihood.prompts.get(5));

        FakeSource withLikelihood = fake();
        new Evaluator(TrainingMode.L, "fake").limit(2).evaluate(sixRecords(), LabelSchema.defaultSchema(), "test",
                withLikelihood);
        assertEquals(List.of("ethical", "unethical"), withLikelihood.continuationsSeen.get(0));
        assertEquals(2, withLikelihood.prompts.size());
    }

    @Test
    void recordsWithoutStatementOrWithUnknownLabelAreSkipped() {
        List<DatasetRecord> records = new ArrayList<>(sixRecords());
        records.add(new DatasetRecord("x", " ", "ethical", null, Split.TEST));
        records.add(new DatasetRecord("y", "I kicked a dog.", "neutral", null, Split.TEST));
        EvalResult r = new Evaluator(TrainingMode.L_PLUS_R, "fake").evaluate(records, LabelSchema.defaultSchema(),
                "test", fake());
        assertEquals(6, r.records());
        assertEquals(2, r.skipped());
    }

    @Test
    void argmaxTakesTheFirstOfTiesAndIgnoresNaN() {
        assertEquals(1, Evaluator.argmax(new double[] {-3, -1, -2}));
        assertEquals(0, Evaluator.argmax(new double[] {-1, -1}));
        assertEquals(1, Evaluator.argmax(new double[] {Double.NaN, -7}));
    }

    @Test
    void leakedRecordsAreMarkedAndLeftOutOfTheCleanFigures() {
        List<DatasetRecord> records = sixRecords();
        EvalResult some = new Evaluator(TrainingMode.L_PLUS_R, "fake")
                .trainedOn(TrainingStatements.of(records.subList(0, 2)))
                .evaluate(records, LabelSchema.defaultSchema(), "test", fake());
        assertEquals(2, some.leaked());
        assertEquals(List.of(true, true, false, false, false, false),
                some.predictions().stream().map(Prediction::leaked).toList());
        assertEquals(4, some.toJson().getAsJsonObject("clean").get("records").getAsInt());
        assertEquals(2, some.toJson().get("leaked").getAsInt());
        assertEquals(some.cleanReport().classification().accuracy(), some.summary().get("cleanAccuracy"), 1e-12);

        EvalResult all = new Evaluator(TrainingMode.L_PLUS_R, "fake").trainedOn(TrainingStatements.of(records))
                .evaluate(records, LabelSchema.defaultSchema(), "test", fake());
        assertEquals("{\"records\":0}", all.toJson().getAsJsonObject("clean").toString());
        assertNull(all.summary().get("cleanAccuracy"), "no leakage-free record: no clean figures");
        assertNull(all.cleanLikelihoodAccuracy());
        assertTrue(all.humanSummary().contains("6 of them leaked"), all.humanSummary());
    }
}
