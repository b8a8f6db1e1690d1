package org.reasonlab.core.training;

import java.util.List;
import java.util.Objects;

import org.reasonlab.core.prompt.TrainingExample;

/**
 * One example a run trains on, with where it came from and how the loss treats it.
 *
 * @param example the prompt (with its source's tag, if any) and the answer
 * @param source the mixture source's name ({@value MixtureSource#SELF} without a mixture)
 * @param counterfactual whether it is a counterfactual variant added by augmentation
 * @param lossWeight the weight of its answer tokens in the loss
 * @param maskedWords words whose whole-word occurrences in the answer get no loss (mask-based mitigation)
 * @param variantPrompts the prompts of its counterfactual variants, for the consistency term; empty for none
 */
public record TrainingItem(TrainingExample example, String source, boolean counterfactual, double lossWeight,
        List<String> maskedWords, List<String> variantPrompts) {
    public TrainingItem {
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(source, "source");
        maskedWords = List.copyOf(maskedWords);
        variantPrompts = List.copyOf(variantPrompts);
    }

    /** An example of the run's own dataset, trained as it is. */
    public static TrainingItem plain(TrainingExample example) {
        return new TrainingItem(example, MixtureSource.SELF, false, 1.0, List.of(), List.of());
    }

    public static List<TrainingItem> plain(List<TrainingExample> examples) {
        return examples.stream().map(TrainingItem::plain).toList();
    }
}
