package org.reasonlab.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.Prediction;

class ScoringTest {
    @TempDir
    Path dir;

    private final LabelSchema schema = LabelSchema.defaultSchema();
    private final DatasetRecord kick = new DatasetRecord("r1", "I kicked the dog.", "1",
            "Kicking a dog hurts it, which is unethical.", Split.TEST);
    private final DatasetRecord help = new DatasetRecord("r2", "I helped my neighbour.", "ethical",
            "Helping a neighbour is ethical.", Split.TEST);

    @Test
    void reasonChecks() {
        ReasonChecks checks = new ReasonChecks(schema);
        assertEquals(new ReasonCheck("unethical", true), checks.check("unethical", "Kicking a dog is cruel and immoral."));
        assertEquals(new ReasonCheck("ethical", false), checks.check("unethical", "It can't be unethical to help."));
        assertEquals(new ReasonCheck(null, null), checks.check("ethical", "The dog was big."));
        assertEquals(new ReasonCheck("unethical", null), checks.check(null, "It is unethical."));
        assertEquals(new ReasonCheck(null, null), checks.check("ethical", null));
    }

    @Test
    void scoresALabelAndReasonAnswer() {
        PredictionScorer scorer = new PredictionScorer(schema, TrainingMode.L_PLUS_R);
        Prediction p = scorer.score(kick, "unethical. Kicking a dog hurts it and is unethical.");
        assertEquals("r1", p.id());
        assertEquals("unethical", p.goldLabel());
        assertEquals("unethical", p.predictedLabel());
        assertEquals("Kicking a dog hurts it and is unethical.", p.generatedReason());
        assertTrue(p.parseable());
        assertTrue(p.correct());
        assertEquals("unethical", p.reasonVerdict());
        assertEquals(Boolean.TRUE, p.reasonAgrees());
        assertEquals(RougeL.f1("Kicking a dog hurts it and is unethical.", kick.reason()), p.rougeL());
        assertEquals(TokenF1.f1("Kicking a dog hurts it and is unethical.", kick.reason()), p.tokenF1());

        Prediction misaligned = scorer.score(help, "unethical. Helping a neighbour is ethical.");
        assertFalse(misaligned.correct());
        assertEquals(Boolean.FALSE, misaligned.reasonAgrees());
        assertEquals(1.0, misaligned.rougeL());
    }

    @Test
    void labelOnlyAnswersHaveNoReasonScores() {
        Prediction p = new PredictionScorer(schema, TrainingMode.L).score(kick, "unethical");
        assertNull(p.generatedReason());
        assertNull(p.rougeL());
        assertNull(p.tokenF1());
        assertNull(p.reasonAgrees());
    }

    @Test
    void unparseableAnswersAreWrongButTheirTextIsScored() {
        Prediction p = new PredictionScorer(schema, TrainingMode.L_PLUS_R).score(help, "Helping a neighbour is ethical.");
        assertFalse(p.parseable());
        assertNull(p.predictedLabel());
        assertEquals("ethical", p.reasonVerdict());
        assertNull(p.reasonAgrees());
        assertEquals(1.0, p.rougeL());
    }

    @Test
    void reportOfPredictions() throws IOException {
        PredictionScorer scorer = new PredictionScorer(schema, TrainingMode.L_PLUS_R);
        List<Prediction> predictions = List.of(
                scorer.score(kick, "unethical. Kicking a dog hurts it, which is unethical."), // right, agrees
                scorer.score(help, "unethical. Helping a neighbour is ethical."), // wrong, disagrees
                scorer.score(help, "ethical. It is kind."), // right, no verdict
                scorer.score(kick, "I do not know.")); // unparseable
        MetricsReport r = MetricsReport.of(predictions, schema.names());
        assertEquals(4, r.classification().total());
        assertEquals(0.5, r.classification().accuracy());
        assertEquals(1, r.classification().unparseable());
        assertEquals(4, r.generatedReasons());
        assertEquals(4, r.scoredReasons());
        assertEquals(2, r.judgedReasons());
        assertEquals(1, r.agreeingReasons());
        assertEquals(0.5, r.reasonAgreement());
        double meanRouge = predictions.stream().mapToDouble(Prediction::rougeL).average().orElseThrow();
        assertEquals(meanRouge, r.meanRougeL(), 1e-12);
        assertEquals(0.25, r.unparseableRate());

        Map<String, Double> summary = r.summary();
        assertEquals(List.of("accuracy", "macroF1", "unparseableRate", "rougeL", "tokenF1", "reasonAgreement"),
                List.copyOf(summary.keySet()));

        Path file = dir.resolve("metrics.json");
        r.write(file);
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals(0.5, json.get("accuracy").getAsDouble());
        assertEquals(1, json.get("unparseable").getAsInt());
        assertEquals(0.5, json.getAsJsonObject("perClass").getAsJsonObject("ethical").get("recall").getAsDouble());
        assertEquals("[\"ethical\",\"unethical\",\"unparseable\"]",
                json.getAsJsonObject("confusion").get("columns").toString());
        assertEquals("[[1,1,0],[0,1,1]]", json.getAsJsonObject("confusion").get("counts").toString());
        assertEquals(0.5, json.getAsJsonObject("reasons").get("agreement").getAsDouble());
    }

    @Test
    void reportWithoutReasonsHasNullMeans() {
        PredictionScorer scorer = new PredictionScorer(schema, TrainingMode.L);
        MetricsReport r = MetricsReport.of(List.of(scorer.score(kick, "unethical")), schema.names());
        assertNull(r.meanRougeL());
        assertNull(r.reasonAgreement());
        assertEquals(List.of("accuracy", "macroF1", "unparseableRate"), List.copyOf(r.summary().keySet()));
        assertTrue(r.toJson().getAsJsonObject("reasons").get("meanRougeL").isJsonNull());
    }
}
