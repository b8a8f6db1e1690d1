package org.reasonlab.ui.internal.launch;

import static org.reasonlab.ui.internal.launch.LaunchAttributes.*;

import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.reasonlab.core.counterfactual.BuiltinAttributeSets;

/**
 * Robustness: counterfactual training (the variants of the training records as examples, the consistency term and
 * its weight) and a data mixture with its mitigations, each with the list a sweep varies (lambdas, ratios). See
 * docs/counterfactuals.md.
 */
public class RobustnessTab extends FineTuneTab {
    public RobustnessTab() {
        super("Robustness");
    }

    @Override
    protected void createFields(Composite c) {
        String builtins = String.join(", ", BuiltinAttributeSets.names().stream()
                .map(n -> BuiltinAttributeSets.PREFIX + n).toList());
        text(c, "Counterfactual attributes:", COUNTERFACTUAL_ATTRIBUTES, "The substitution groups: " + builtins
                + ", or an attribute set file; empty = no counterfactual training", "json");
        combo(c, "Counterfactual variants:", COUNTERFACTUAL_AUGMENT, List.of("false", "true"),
                List.of("not trained on", "trained on too (same label and reason)"));
        text(c, "Consistency weight (λ):", CONSISTENCY_WEIGHT, "Weight of the symmetric KL divergence between the"
                + " label distributions of a record and its variants; 0 = off", null);
        text(c, "Lambdas (sweep):", LAMBDAS, "A sweep over consistency weights, e.g. 0,0.5,1 (one run each);"
                + " empty = the weight above", null);
        area(c, "Mixture:", MIXTURE, "One source per line: DATASET=RATIO followed by its mitigations: tag (a source"
                + " tag in its prompts), weight=W (its loss weight), mask=ATTRIBUTES (no loss on those words);"
                + " 'self' is the Data tab's dataset. Empty = the dataset's train split alone");
        text(c, "Mixture size:", MIXTURE_SIZE, "Examples drawn in all; empty = as many as the dataset's usable"
                + " training records", null);
        text(c, "Ratios (sweep):", RATIOS, "A sweep over the share of the mixture's last source (the bias ratio),"
                + " e.g. 0,0.25,0.5; the other sources share the rest as given; empty = the mixture's ratios", null);
        note(c, "Example mixture: self=0.75 on one line, /project/augmented.jsonl=0.25,tag,weight=0.5,mask=builtin:"
                + "gender on the next. Mixture datasets may be workspace paths. Several lambdas or ratios make a"
                + " sweep, like several seeds on the Target tab: one run each, in one run group.");
    }

    @Override
    protected List<String> attributes() {
        return ROBUSTNESS_ATTRIBUTES;
    }
}
