package org.reasonlab.core.agreement;

/**
 * How two annotators agree on the records both labelled.
 *
 * @param annotatorA the first annotator (by name order)
 * @param annotatorB the second
 * @param items records both labelled
 * @param agreements of those, the records they gave the same label
 * @param kappa Cohen's kappa over those records
 */
public record PairAgreement(String annotatorA, String annotatorB, int items, int agreements, Coefficient kappa) {

    /** The share of shared records with the same label; NaN when they share none. */
    public double observedAgreement() {
        return items == 0 ? Double.NaN : (double) agreements / items;
    }
}
