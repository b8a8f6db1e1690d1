package org.reasonlab.core.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.core.agreement.TestData.a;
import static org.reasonlab.core.agreement.TestData.record;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.Annotation;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;

class AgreementAnalyzerTest {

    @Test
    void oneLabelThroughoutLeavesTheChanceCorrectedCoefficientsUndefined() {
        Dataset dataset = TestData.dataset(LabelSchema.defaultSchema(),
                record("r1", "ethical", a("ann1", "ethical"), a("ann2", "ethical")),
                record("r2", "ethical", a("ann1", "ethical"), a("ann2", "ethical"), a("ann3", "ethical")));
        AgreementReport r = AgreementAnalyzer.analyze(dataset);

        assertTrue(r.measurable());
        assertEquals(1.0, r.percentAgreement().value());
        for (Coefficient c : List.of(r.fleissKappa(), r.krippendorffAlpha(), r.pairs().get(0).kappa())) {
            assertFalse(c.isDefined());
            assertTrue(Double.isNaN(c.value()));
            assertEquals(Undefined.ONE_LABEL, c.undefinedReason());
        }
        assertEquals(2, r.fleissKappa().items());
        assertEquals(List.of(), r.disagreements());
    }

    @Test
    void aSingleAnnotatorIsReportedAsNotMeasurable() {
        Dataset dataset = TestData.dataset(LabelSchema.defaultSchema(),
                record("r1", "ethical", a("ann1", "ethical")),
                record("r2", "unethical", a("ann1", "ethical"), a("ann1", "unethical")));
        AgreementReport r = AgreementAnalyzer.analyze(dataset);

        assertFalse(r.measurable());
        assertTrue(r.notice().contains("only one annotator (ann1)"), r.notice());
        assertEquals(Undefined.FEWER_THAN_TWO_ANNOTATORS, r.percentAgreement().undefinedReason());
        assertEquals(Undefined.FEWER_THAN_TWO_ANNOTATORS, r.fleissKappa().undefinedReason());
        assertEquals(Undefined.FEWER_THAN_TWO_ANNOTATORS, r.krippendorffAlpha().undefinedReason());
        assertEquals(List.of(), r.pairs());
        assertEquals(2, r.items());
        assertEquals(2, r.ratings());
        assertEquals(new LabelCount("ethical", 1, 1), r.labelCounts().get(0));
        assertEquals(new LabelCount("unethical", 1, 1), r.labelCounts().get(1));
    }

    @Test
    void noAnnotationsAtAllIsReportedAsNotMeasurable() {
        AgreementReport r = AgreementAnalyzer.analyze(TestData.dataset(LabelSchema.defaultSchema(),
                record("r1", "ethical")));

        assertFalse(r.measurable());
        assertEquals("no record has a labelled annotation", r.notice());
        assertEquals(1, r.records());
        assertEquals(0, r.items());
    }

    @Test
    void annotatorsWhoNeverMeetHaveNoCoefficients() {
        Dataset dataset = TestData.dataset(LabelSchema.defaultSchema(),
                record("r1", "ethical", a("ann1", "ethical")),
                record("r2", "unethical", a("ann2", "unethical")));
        AgreementReport r = AgreementAnalyzer.analyze(dataset);

        assertTrue(r.measurable());
        assertEquals(Undefined.NO_OVERLAP, r.percentAgreement().undefinedReason());
        assertEquals(Undefined.NO_OVERLAP, r.fleissKappa().undefinedReason());
        assertEquals(Undefined.NO_OVERLAP, r.krippendorffAlpha().undefinedReason());
        assertEquals(List.of(), r.pairs());
        assertEquals(0, r.pairableItems());
    }

    @Test
    void disagreementsListEachAnnotatorsLabelAndReasonAndTheMajority() {
        Dataset dataset = TestData.dataset(LabelSchema.defaultSchema(),
                record("agree", "ethical", a("ann1", "ethical"), a("ann2", "0")),
                record("overruled", "ethical", a("ann2", "unethical"), a("ann1", "ethical"), a("ann3", "unethical")),
                record("kept", "unethical", a("ann1", "ethical"), a("ann2", "unethical"), a("ann3", "unethical")),
                record("tie", "ethical", a("ann1", "ethical"), a("ann2", "unethical")),
                record("unanimousButOverridden", "unethical", a("ann1", "ethical"), a("ann3", "ethical")),
                record("single", "unethical", a("ann3", "ethical")));
        AgreementReport r = AgreementAnalyzer.analyze(dataset);

        assertEquals(List.of("overruled", "kept", "tie"),
                r.disagreements().stream().map(Disagreement::recordId).toList());
        Disagreement overruled = r.disagreements().get(0);
        assertEquals(1, overruled.entryIndex());
        assertEquals(List.of(new Rating("ann1", "ethical", "ann1 thinks ethical"),
                new Rating("ann2", "unethical", "ann2 thinks unethical"),
                new Rating("ann3", "unethical", "ann3 thinks unethical")), overruled.ratings());
        assertEquals("ethical", overruled.finalLabel());
        assertEquals("unethical", overruled.majorityLabel());
        assertTrue(overruled.finalDiffersFromMajority());

        Disagreement kept = r.disagreements().get(1);
        assertEquals("unethical", kept.majorityLabel());
        assertFalse(kept.finalDiffersFromMajority());

        Disagreement tie = r.disagreements().get(2);
        assertNull(tie.majorityLabel());
        assertFalse(tie.finalDiffersFromMajority());

        // "overruled" and the unanimous "unanimousButOverridden"; "single" has only one rating.
        assertEquals(2, r.finalDiffersFromMajority());
        assertEquals(5, r.pairableItems());
        assertEquals(new LabelCount("ethical", 8, 3), r.labelCounts().get(0));
        assertEquals(new LabelCount("unethical", 5, 3), r.labelCounts().get(1));
    }

    @Test
    void jsonWritesUndefinedCoefficientsAsNullWithTheReason() {
        Dataset dataset = TestData.dataset(LabelSchema.defaultSchema(),
                record("r1", "ethical", a("ann1", "ethical"), a("ann2", "ethical")));
        JsonObject json = AgreementJson.toJson(AgreementAnalyzer.analyze(dataset));

        JsonObject fleiss = json.getAsJsonObject("fleissKappa");
        assertTrue(fleiss.get("value").isJsonNull());
        assertEquals(Undefined.ONE_LABEL, fleiss.get("undefined").getAsString());
        assertEquals(1.0, json.getAsJsonObject("percentAgreement").get("value").getAsDouble());
        assertFalse(json.getAsJsonObject("percentAgreement").has("undefined"));
        assertEquals("ann1", json.getAsJsonArray("pairs").get(0).getAsJsonObject().get("annotatorA").getAsString());
        assertFalse(json.has("notice"));
    }

    @Test
    void textShowsCoefficientsPairsAndDisagreements() {
        Dataset dataset = TestData.dataset(LabelSchema.defaultSchema(),
                record("r1", "ethical", a("ann1", "ethical"), a("ann2", "ethical")),
                record("r2", "ethical", a("ann1", "ethical"), a("ann2", "unethical")),
                record("r3", "unethical", a("ann1", "unethical"), a("ann2", "unethical")));
        String text = AgreementText.toText(AgreementAnalyzer.analyze(dataset), null, 10);

        // Cohen: n = 3, agreements 2, ann1 ethical 2 / unethical 1, ann2 1 / 2: (3*2 - 4) / (9 - 4) = 0.4.
        assertTrue(text.contains("ann1      ann2             3      0.667    0.400"), text);
        assertTrue(text.contains("percent agreement         0.667  (3 records)"), text);
        assertTrue(text.contains("(unnamed) [r2] final ethical, majority (tie)"), text);
        assertTrue(text.contains("ann2: unethical - ann2 thinks unethical"), text);
    }

    /** 100,000 records, 3 annotators, the third disagreeing on every tenth: one pass, well within a second or two. */
    @Test
    void aHundredThousandRecordsAreAnalysedInOnePass() {
        List<DatasetEntry> entries = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            String label = i % 2 == 0 ? "ethical" : "unethical";
            String other = i % 2 == 0 ? "unethical" : "ethical";
            entries.add(record("r" + i, label, new Annotation("ann1", label, null, null),
                    new Annotation("ann2", label, null, null), new Annotation("ann3", i % 10 == 0 ? other : label, null, null)));
        }
        Dataset dataset = new Dataset(LabelSchema.defaultSchema(), FileLayout.defaultFor(DatasetFormat.JSONL), entries);

        AgreementReport r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> AgreementAnalyzer.analyze(dataset));

        assertEquals(100_000, r.pairableItems());
        assertEquals(10_000, r.disagreements().size());
        assertEquals(0, r.finalDiffersFromMajority());
        assertEquals(1.0, r.pairs().get(0).kappa().value(), 1e-12);
        // ann1-ann3: agree on 90%; ann1 half ethical, ann3 40% ethical (every tenth record is even, so ethical flips):
        // p_e = 0.5 * 0.4 + 0.5 * 0.6 = 0.5, kappa = (0.9 - 0.5) / 0.5 = 0.8.
        assertEquals(0.8, r.pairs().get(1).kappa().value(), 1e-12);
        // Per record 1 of 3 pairs agree on every tenth: (0.9 * 1 + 0.1 / 3).
        assertEquals(0.9 + 0.1 / 3, r.percentAgreement().value(), 1e-9);
    }
}
