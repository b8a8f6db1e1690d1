package org.reasonlab.core.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.LabelSchema;

/** The coefficients against worked examples from the literature. */
class TextbookCoefficientsTest {

    /**
     * Wikipedia, "Cohen's kappa", simple worked example: 50 applications, A and B both say yes to
     * 20 and no to 15, A yes / B no 5, A no / B yes 10. p_o = 0.7, p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5,
     * kappa = 0.4.
     */
    @Test
    void cohensKappaOfTheWikipediaExample() {
        List<String[]> rows = new ArrayList<>();
        rows.addAll(TestData.repeat(20, "yes", "yes"));
        rows.addAll(TestData.repeat(5, "yes", "no"));
        rows.addAll(TestData.repeat(10, "no", "yes"));
        rows.addAll(TestData.repeat(15, "no", "no"));
        AgreementReport r = AgreementAnalyzer.analyze(
                TestData.matrix(LabelSchema.of("yes", "no"), List.of("A", "B"), rows.toArray(String[][]::new)));

        assertEquals(1, r.pairs().size());
        PairAgreement pair = r.pairs().get(0);
        assertEquals("A", pair.annotatorA());
        assertEquals("B", pair.annotatorB());
        assertEquals(50, pair.items());
        assertEquals(35, pair.agreements());
        assertEquals(0.7, pair.observedAgreement(), 1e-12);
        assertEquals(0.4, pair.kappa().value(), 1e-12);
        assertEquals(50, pair.kappa().items());
        assertEquals(0.7, r.percentAgreement().value(), 1e-12);
        // By hand for the same table: Fleiss' kappa with two raters is Scott's pi, p_yes = 55/100,
        // P̄e = 0.55² + 0.45² = 0.505, pi = (0.7 - 0.505) / 0.495.
        assertEquals(0.195 / 0.495, r.fleissKappa().value(), 1e-12);
        // Krippendorff's alpha: n = 100, sum o_cc = 70, n_yes = 55, n_no = 45,
        // alpha = 1 - 99 * 30 / (100² - 55² - 45²) = 1 - 2970 / 4950 = 0.4.
        assertEquals(0.4, r.krippendorffAlpha().value(), 1e-12);
    }

    /**
     * Wikipedia, "Fleiss' kappa", worked example: 14 raters put 10 subjects into 5 categories.
     * P̄ = 0.378, P̄e = 0.213, kappa = 0.210.
     */
    @Test
    void fleissKappaOfTheWikipediaExample() {
        int[][] counts = {
                { 0, 0, 0, 0, 14 }, { 0, 2, 6, 4, 2 }, { 0, 0, 3, 5, 6 }, { 0, 3, 9, 2, 0 }, { 2, 2, 8, 1, 1 },
                { 7, 7, 0, 0, 0 }, { 3, 2, 6, 3, 0 }, { 2, 5, 3, 2, 2 }, { 6, 5, 2, 1, 0 }, { 0, 2, 2, 3, 7 } };
        List<String> raters = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            raters.add(String.format("r%02d", i));
        }
        String[][] rows = new String[counts.length][14];
        for (int i = 0; i < counts.length; i++) {
            int rater = 0;
            for (int j = 0; j < 5; j++) {
                for (int c = 0; c < counts[i][j]; c++) {
                    rows[i][rater++] = String.valueOf(j + 1);
                }
            }
            assertEquals(14, rater);
        }
        AgreementReport r = AgreementAnalyzer.analyze(
                TestData.matrix(LabelSchema.of("1", "2", "3", "4", "5"), raters, rows));

        assertEquals(0.210, r.fleissKappa().value(), 0.0005);
        assertEquals(10, r.fleissKappa().items());
        assertEquals(0.378, r.percentAgreement().value(), 0.0005);
        assertEquals(14 * 13 / 2, r.pairs().size());
        assertEquals(140, r.ratings());
    }

    /**
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: nominal data, 4
     * observers, 12 units, missing data. Unit 12 has one value and is not pairable; n = 40 pairable
     * values; alpha = 0.743.
     */
    @Test
    void krippendorffsAlphaOfHisNominalExampleWithMissingData() {
        String[][] byObserver = {
                { "1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null },
                { "1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3" },
                { null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null },
                { "1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null } };
        String[][] rows = new String[12][4];
        for (int observer = 0; observer < 4; observer++) {
            for (int unit = 0; unit < 12; unit++) {
                rows[unit][observer] = byObserver[observer][unit];
            }
        }
        AgreementReport r = AgreementAnalyzer.analyze(TestData.matrix(LabelSchema.of("1", "2", "3", "4", "5"),
                List.of("A", "B", "C", "D"), rows));

        assertEquals(0.743, r.krippendorffAlpha().value(), 0.0005);
        assertEquals(11, r.krippendorffAlpha().items());
        assertEquals(12, r.items());
        assertEquals(11, r.pairableItems());
        assertEquals(41, r.ratings());
    }

    /**
     * Percent agreement by hand, with a varying number of annotators. u1: x x x, all 3 pairs agree;
     * u2: x y x, 1 of 3 pairs; u3: x y -, 0 of 1; u4: x - -, not pairable. Mean (1 + 1/3 + 0) / 3 = 4/9.
     * Pairs: A-B meet on u1..u3 and agree on u1; A-C on u1, u2, agree on both; B-C on u1, u2, agree on u1.
     */
    @Test
    void percentAgreementIsTheMeanShareOfAgreeingPairsPerRecord() {
        String[][] rows = { { "x", "x", "x" }, { "x", "y", "x" }, { "x", "y", null }, { "x", null, null } };
        AgreementReport r = AgreementAnalyzer.analyze(
                TestData.matrix(LabelSchema.of("x", "y"), List.of("A", "B", "C"), rows));

        assertEquals(4.0 / 9, r.percentAgreement().value(), 1e-12);
        assertEquals(3, r.percentAgreement().items());
        assertEquals(List.of("A-B 3 1", "A-C 2 2", "B-C 2 1"), r.pairs().stream()
                .map(p -> p.annotatorA() + "-" + p.annotatorB() + " " + p.items() + " " + p.agreements()).toList());
        // A-C agree on everything but both used only x: kappa has no chance disagreement to beat.
        PairAgreement ac = r.pairs().get(1);
        assertTrue(Double.isNaN(ac.kappa().value()));
        assertEquals(Undefined.ONE_LABEL, ac.kappa().undefinedReason());
        // A-B by hand: n = 3, agreements 1, A gave x 3 times, B gave x once and y twice:
        // kappa = (3 * 1 - 3 * 1) / (9 - 3) = 0.
        assertEquals(0.0, r.pairs().get(0).kappa().value(), 1e-12);
    }
}
