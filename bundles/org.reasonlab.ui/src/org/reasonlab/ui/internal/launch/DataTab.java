package org.reasonlab.ui.internal.launch;

import static org.reasonlab.ui.internal.launch.LaunchAttributes.*;

import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.reasonlab.core.prompt.TrainingMode;

/** Data: dataset, splits, mode (L, L+R, R-&gt;L), prompt template, and train or evaluate only. */
public class DataTab extends FineTuneTab {
    public DataTab() {
        super("Data");
    }

    @Override
    protected void createFields(Composite c) {
        combo(c, "Action:", ACTION, List.of(ACTION_TRAIN, ACTION_EVALUATE),
                List.of("Fine-tune, then evaluate", "Evaluate the base model (no training)"));
        text(c, "Dataset:", DATASET, "A workspace path (/project/data.jsonl) or a file on disk (.jsonl or .csv)", "file");
        List<String> splits = List.of("train", "validation", "test");
        combo(c, "Train split:", TRAIN_SPLIT, splits, splits);
        combo(c, "Evaluation split:", EVAL_SPLIT, splits, splits);
        text(c, "Held-out share:", HOLDOUT, "Evaluate on this share of the training records (e.g. 0.1) instead of the"
                + " evaluation split; needed for a dataset without splits. Empty = the dataset's splits", null);
        text(c, "Split seed:", SPLIT_SEED, "Chooses the held-out records; empty = the run's seed", null);
        List<TrainingMode> modes = List.of(TrainingMode.values());
        combo(c, "Mode:", MODE, modes.stream().map(TrainingMode::id).toList(),
                modes.stream().map(m -> m.label() + " (" + m.description() + ")").toList());
        area(c, "Template prompt:", TEMPLATE_PROMPT, "Must contain {statement}; empty = the mode's DFAR prompt");
        area(c, "Template answer:", TEMPLATE_ANSWER, "With {label} (and {reason} in L+R and R->L); empty = the mode's default");
        note(c, "Leave the template empty for the DFAR paper's prompt of the chosen mode.");
    }

    @Override
    protected List<String> attributes() {
        return List.of(ACTION, DATASET, TRAIN_SPLIT, EVAL_SPLIT, HOLDOUT, SPLIT_SEED, MODE, TEMPLATE_PROMPT,
                TEMPLATE_ANSWER);
    }
}
