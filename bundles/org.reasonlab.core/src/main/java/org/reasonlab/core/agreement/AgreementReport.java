package org.reasonlab.core.agreement;

import java.util.List;

/**
 * Agreement between the annotators of a dataset. See {@link AgreementAnalyzer} for how each part
 * is computed.
 *
 * @param records records in the dataset
 * @param items records with at least one labelled annotation
 * @param pairableItems records labelled by two or more annotators, the ones the coefficients use
 * @param ratings labelled annotations counted (after an annotator's repeated annotations of a record
 *        are reduced to the last)
 * @param annotators annotator names, sorted
 * @param notice why agreement cannot be measured at all (no annotations, fewer than two
 *        annotators), or null
 * @param percentAgreement pairwise percent agreement
 * @param fleissKappa Fleiss' kappa, generalised to varying numbers of annotators per record
 * @param krippendorffAlpha Krippendorff's alpha for nominal labels
 * @param pairs Cohen's kappa for every pair of annotators that labelled a record in common
 * @param labelCounts every label of the schema and every other label used, in that order
 * @param disagreements the records whose annotators disagree, in file order
 * @param finalDiffersFromMajority records labelled by two or more annotators whose final label is
 *        not the annotators' majority label (whether or not they all agree); ties have no majority
 */
public record AgreementReport(int records, int items, int pairableItems, int ratings, List<String> annotators,
        String notice, Coefficient percentAgreement, Coefficient fleissKappa, Coefficient krippendorffAlpha,
        List<PairAgreement> pairs, List<LabelCount> labelCounts, List<Disagreement> disagreements,
        int finalDiffersFromMajority) {

    public AgreementReport {
        annotators = List.copyOf(annotators);
        pairs = List.copyOf(pairs);
        labelCounts = List.copyOf(labelCounts);
        disagreements = List.copyOf(disagreements);
    }

    /** True when there are two or more annotators, so that agreement can be measured at all. */
    public boolean measurable() {
        return notice == null;
    }
}
