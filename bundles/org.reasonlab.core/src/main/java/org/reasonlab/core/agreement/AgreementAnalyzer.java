package org.reasonlab.core.agreement;

import java.util.ArrayList;
import java.util.List;

import org.reasonlab.core.model.Dataset;

/**
 * Computes an {@link AgreementReport} in one pass over the records of a {@link RatingsMatrix}: the
 * work is linear in the number of ratings (times the annotators per record for the pairs), never
 * in the square of the number of records.
 * <p>
 * All coefficients treat labels as nominal and use only records labelled by two or more
 * annotators (n_i ratings on record i, n_ij of them label j):
 * <ul>
 * <li>Percent agreement: the mean over records of the share of agreeing pairs of ratings,
 * P_i = sum_j n_ij (n_ij - 1) / (n_i (n_i - 1)); every record weighs the same. With two annotators
 * it is the share of records they agree on.</li>
 * <li>Cohen's kappa for every pair of annotators, over the records both labelled.</li>
 * <li>Fleiss' kappa, generalised to a varying number of ratings per record: P&#772; is the mean of
 * the P_i above, the label shares p_j are taken over all ratings of those records, and
 * kappa = (P&#772; - sum p_j&#178;) / (1 - sum p_j&#178;); with the same number on every record it
 * is Fleiss' (1971) coefficient.</li>
 * <li>Krippendorff's alpha by the coincidence-matrix method (Krippendorff 2011); missing ratings
 * are allowed, records with one rating are not pairable and left out.</li>
 * </ul>
 * A coefficient is undefined (NaN, with the reason in
 * {@link Coefficient#undefinedReason()}) when there is no such record, or when every rating it
 * uses is the same label: then no disagreement is expected by chance and the ratio has a zero
 * denominator. With fewer than two annotators nothing is measured and the report's
 * {@link AgreementReport#notice()} says so.
 */
public final class AgreementAnalyzer {
    private AgreementAnalyzer() {
    }

    public static AgreementReport analyze(Dataset dataset) {
        return analyze(RatingsMatrix.of(dataset), dataset.recordCount());
    }

    /** @param records the number of records in the dataset, reported as is */
    public static AgreementReport analyze(RatingsMatrix matrix, int records) {
        List<String> labels = matrix.labels();
        int labelCount = labels.size();
        LabelTally tally = new LabelTally(labelCount);
        PercentAgreement percent = new PercentAgreement();
        FleissKappa fleiss = new FleissKappa(labelCount);
        KrippendorffAlpha alpha = new KrippendorffAlpha(labelCount);
        PairTable pairs = new PairTable(matrix.annotators().size(), labelCount);
        int[] ratingsPerLabel = new int[labelCount];
        int[] finalPerLabel = new int[labelCount];
        List<Disagreement> disagreements = new ArrayList<>();
        int ratings = 0;
        int pairable = 0;
        int finalDiffers = 0;

        for (RatingsMatrix.Item item : matrix.items()) {
            tally.count(item);
            ratings += tally.total();
            for (int u = 0; u < tally.distinctLabels(); u++) {
                ratingsPerLabel[tally.label(u)] += tally.countOf(u);
            }
            if (item.finalLabel() >= 0) {
                finalPerLabel[item.finalLabel()]++;
            }
            if (tally.total() < 2) {
                continue;
            }
            pairable++;
            percent.add(tally);
            fleiss.add(tally);
            alpha.add(tally);
            pairs.add(item);
            int majority = tally.majority();
            if (majority >= 0 && majority != item.finalLabel()) {
                finalDiffers++;
            }
            if (tally.distinctLabels() > 1) {
                disagreements.add(disagreement(item, majority, matrix));
            }
        }

        List<LabelCount> labelCounts = new ArrayList<>(labelCount);
        for (int j = 0; j < labelCount; j++) {
            labelCounts.add(new LabelCount(labels.get(j), ratingsPerLabel[j], finalPerLabel[j]));
        }
        int annotators = matrix.annotators().size();
        String notice = annotators == 0 ? "no record has a labelled annotation"
                : annotators == 1 ? "only one annotator (" + matrix.annotators().get(0)
                        + "): agreement needs at least two"
                : null;
        Coefficient percentResult = notice == null ? percent.result() : unmeasurable();
        Coefficient fleissResult = notice == null ? fleiss.result() : unmeasurable();
        Coefficient alphaResult = notice == null ? alpha.result() : unmeasurable();
        return new AgreementReport(records, matrix.items().size(), pairable, ratings, matrix.annotators(), notice,
                percentResult, fleissResult, alphaResult, pairs.results(matrix.annotators()), labelCounts,
                disagreements, finalDiffers);
    }

    private static Coefficient unmeasurable() {
        return Coefficient.undefined(Undefined.FEWER_THAN_TWO_ANNOTATORS, 0);
    }

    private static Disagreement disagreement(RatingsMatrix.Item item, int majority, RatingsMatrix matrix) {
        List<String> labels = matrix.labels();
        List<Rating> ratings = new ArrayList<>(item.ratingCount());
        for (int k = 0; k < item.ratingCount(); k++) {
            ratings.add(new Rating(matrix.annotators().get(item.annotator(k)), labels.get(item.label(k)),
                    item.annotation(k).reason()));
        }
        return new Disagreement(item.recordId(), item.entryIndex(), item.record().sourceLine(), ratings,
                item.finalLabel() < 0 ? null : labels.get(item.finalLabel()),
                majority < 0 ? null : labels.get(majority));
    }
}
