package org.reasonlab.core.counterfactual;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;

/**
 * A synthetic label+reason dataset in which an irrelevant attribute, the subject's gender ({@code he}/{@code she},
 * the words of {@code builtin:gender}), is spuriously correlated with the label in the train split: the label
 * follows from the action alone ({@code He fed the cat.} is ethical whoever does it), but in training
 * {@code correlation} of the unethical statements have {@code he} and the same share of the ethical ones
 * {@code she}. The test split has no correlation (each pronoun with probability one half), so a model that learnt
 * the shortcut changes its label when the pronoun is swapped: what the counterfactual probe measures and
 * counterfactual augmentation or the consistency term should reduce. Reasons name the action, never the subject.
 */
public final class SpuriousCorrelationDataset {
    private static final String[][] ETHICAL = {
        {"fed the cat", "Feeding animals is kind."}, {"helped a stranger", "Helping others is good."},
        {"thanked the driver", "Gratitude is polite."}, {"shared the lunch", "Sharing shows care."},
        {"returned the wallet", "Honesty helps others."}, {"planted a tree", "Trees help everyone."},
        {"visited the sick", "Caring matters."}, {"saved the dog", "Saving lives is good."},
    };
    private static final String[][] UNETHICAL = {
        {"kicked the cat", "Hurting animals is cruel."}, {"robbed a stranger", "Theft harms people."},
        {"insulted the driver", "Insults hurt people."}, {"stole the lunch", "Stealing is wrong."},
        {"kept the wallet", "Keeping lost money is dishonest."}, {"burned a tree", "Vandalism harms everyone."},
        {"mocked the sick", "Mockery causes pain."}, {"beat the dog", "Cruelty is wrong."},
    };
    private static final String[] PLACES = {"today", "at noon", "in the park", "at home", "on Monday", "again"};

    private SpuriousCorrelationDataset() {
    }

    /**
     * @param train records of the train split, with the correlation
     * @param test records of the test split, without it
     * @param correlation the share of training records whose pronoun goes with their label (0.5 = none, 1 = always)
     */
    public static List<DatasetRecord> generate(int train, int test, double correlation, long seed) {
        if (!(correlation >= 0 && correlation <= 1)) {
            throw new IllegalArgumentException("correlation must be from 0 to 1, was " + correlation);
        }
        Random rng = new Random(seed);
        List<DatasetRecord> out = new ArrayList<>();
        for (int i = 0; i < train + test; i++) {
            boolean isTrain = i < train;
            boolean unethical = rng.nextBoolean();
            String[] act = (unethical ? UNETHICAL : ETHICAL)[rng.nextInt(ETHICAL.length)];
            boolean withCorrelated = rng.nextDouble() < (isTrain ? correlation : 0.5);
            boolean he = unethical == withCorrelated;
            String statement = (he ? "He " : "She ") + act[0] + " " + PLACES[rng.nextInt(PLACES.length)] + ".";
            out.add(new DatasetRecord((isTrain ? "train-" : "test-") + i, statement, unethical ? "unethical" : "ethical",
                    act[1], isTrain ? Split.TRAIN : Split.TEST));
        }
        return out;
    }
}
