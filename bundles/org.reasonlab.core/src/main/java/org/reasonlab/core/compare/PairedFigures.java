package org.reasonlab.core.compare;

import java.util.List;
import java.util.stream.Stream;

import org.reasonlab.core.significance.BootstrapInterval;
import org.reasonlab.core.significance.McNemarTest;
import org.reasonlab.core.significance.PairedBootstrap;

/**
 * A run against its baseline on the items both evaluated: McNemar's exact test on accuracy and paired bootstrap
 * intervals of the differences (run minus baseline) in accuracy and macro-F1.
 *
 * @param items the paired items
 * @param mismatched items under a shared key that are not the same record (statement or gold label differ), left out
 * @param mcnemar b = items the run got right and the baseline wrong, c the reverse
 * @param holmP McNemar's p after Holm's correction over all runs compared with the baseline; null until corrected
 * @param accuracyDifference run minus baseline; null when there are no paired items
 * @param macroF1Difference run minus baseline; null when there are no paired items
 */
public record PairedFigures(int items, int mismatched, McNemarTest mcnemar, Double holmP,
        BootstrapInterval accuracyDifference, BootstrapInterval macroF1Difference) {

    public static PairedFigures of(PairedItems pairs, List<String> labels, int resamples, long seed) {
        if (pairs.size() == 0) {
            return new PairedFigures(0, pairs.mismatched(), McNemarTest.of(0, 0), null, null, null);
        }
        // macro-F1 averages over the schema's labels; a predicted label outside them still counts as a class
        List<String> allLabels = Stream.of(labels.stream(), pairs.gold().stream(), pairs.firstPredicted().stream(),
                pairs.secondPredicted().stream()).flatMap(s -> s).filter(l -> l != null).distinct().toList();
        return new PairedFigures(pairs.size(), pairs.mismatched(), pairs.mcNemar(), null,
                PairedBootstrap.accuracyDifference(pairs.firstCorrect(), pairs.secondCorrect(), resamples, seed),
                PairedBootstrap.macroF1Difference(pairs.gold(), pairs.firstPredicted(), pairs.secondPredicted(),
                        allLabels, resamples, seed));
    }

    public PairedFigures withHolmP(double p) {
        return new PairedFigures(items, mismatched, mcnemar, p, accuracyDifference, macroF1Difference);
    }
}
