package org.reasonlab.core.eval;

/** An overlap score of a candidate text against a reference text. */
public record PrecisionRecallF1(double precision, double recall, double f1) {
    static final PrecisionRecallF1 ZERO = new PrecisionRecallF1(0, 0, 0);

    /** From the overlap and the two lengths; all 0 when the overlap is. */
    static PrecisionRecallF1 of(int overlap, int candidateLength, int referenceLength) {
        if (overlap == 0) {
            return ZERO;
        }
        double p = (double) overlap / candidateLength;
        double r = (double) overlap / referenceLength;
        return new PrecisionRecallF1(p, r, 2 * p * r / (p + r));
    }
}
