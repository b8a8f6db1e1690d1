package org.reasonlab.core.run;

import java.util.ArrayList;
import java.util.List;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.model.SplitRecords;

/**
 * The records a run trains on and the records it is evaluated on: the one rule the trainer follows,
 * so that no metric is computed on training records. Either the dataset's own splits (the spec's
 * {@code trainSplit} and {@code evalSplit}, which must differ), or, with {@code holdout}, a seeded
 * share of the training records held out for evaluation. A dataset that assigns no splits and no
 * holdout is refused: it would be trained and evaluated on the same records.
 *
 * @param train    the records to train on, in file order
 * @param eval     the records to evaluate on, in file order
 * @param evalName the evaluation split's id, or {@value #HOLDOUT} for held-out records
 */
public record RunRecords(List<DatasetRecord> train, List<DatasetRecord> eval, String evalName) {
    public static final String HOLDOUT = "holdout";

    public RunRecords {
        train = List.copyOf(train);
        eval = List.copyOf(eval);
    }

    /**
     * @param file the dataset's file, named in the messages
     * @throws IllegalArgumentException saying why the run cannot be split so, and what to do
     */
    public static RunRecords of(Dataset dataset, RunSpec spec, String file) {
        Split trainSplit = Split.parse(spec.trainSplit()).orElse(Split.TRAIN);
        SplitRecords trainRecords = SplitRecords.of(dataset, trainSplit);
        if (spec.holdout() != null) {
            return heldOut(trainRecords.records(), spec.holdout(), spec.effectiveSplitSeed(), file);
        }
        if (trainRecords.all()) {
            throw new IllegalArgumentException(file + " assigns no splits, so the evaluation after training would"
                    + " score the training records. Assign splits (./reasonlab convert IN OUT --split train, or"
                    + " Set Split in the dataset editor), or hold out a share for evaluation (--holdout 0.1"
                    + " --split-seed 1; Held-out share in the launch dialog).");
        }
        Split evalSplit = Split.parse(spec.evalSplit()).orElse(Split.TEST);
        if (evalSplit == trainSplit) {
            throw new IllegalArgumentException("the evaluation split must differ from the train split ("
                    + trainSplit.id() + "): scores on training records say nothing; choose another split or"
                    + " --holdout 0.1");
        }
        return new RunRecords(trainRecords.records(), SplitRecords.of(dataset, evalSplit).records(), evalSplit.id());
    }

    /**
     * The records an evaluation without training scores ({@code eval}, the workbench's evaluation of a base
     * model), chosen as {@link #of} chooses them for a run with the same settings, so that a pre-trained row
     * and the tuned rows of a comparison score the same records and leave out the same leaked ones: with
     * {@code holdout}, the held-out share of {@code trainSplit}; else {@code evalSplit} (every record when the
     * dataset assigns no splits: a base model was trained on none of them). {@code train} holds the records a
     * run with these settings trains on (none without splits or holdout).
     */
    public static RunRecords forEvaluation(Dataset dataset, Split trainSplit, Split evalSplit, Double holdout,
            long splitSeed, String file) {
        SplitRecords trainRecords = SplitRecords.of(dataset, trainSplit);
        if (holdout != null) {
            return heldOut(trainRecords.records(), holdout, splitSeed, file);
        }
        SplitRecords eval = SplitRecords.of(dataset, evalSplit);
        boolean trained = !trainRecords.all() && evalSplit != trainSplit;
        return new RunRecords(trained ? trainRecords.records() : List.of(), eval.records(), eval.name());
    }

    /** {@code fraction} of {@code records} (at least one, leaving at least one) chosen by {@code seed}. */
    static RunRecords heldOut(List<DatasetRecord> records, double fraction, long seed, String file) {
        if (records.isEmpty()) {
            return new RunRecords(List.of(), List.of(), HOLDOUT); // nothing to train on: the trainer says so
        }
        if (records.size() < 2) {
            throw new IllegalArgumentException(file + ": " + records.size()
                    + " training record(s): too few to hold any out for evaluation");
        }
        int n = (int) Math.min(records.size() - 1, Math.max(1, Math.round(fraction * records.size())));
        boolean[] held = new boolean[records.size()];
        // the evaluation sample's rule (SplitRecords.sampleIndices): the same records as --eval-sample would take
        for (int i : SplitRecords.sampleIndices(records.size(), n, seed)) {
            held[i] = true;
        }
        List<DatasetRecord> train = new ArrayList<>();
        List<DatasetRecord> eval = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            (held[i] ? eval : train).add(records.get(i));
        }
        return new RunRecords(train, eval, HOLDOUT);
    }
}
