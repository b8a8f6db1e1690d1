package org.reasonlab.ui.internal.launch;

import static org.reasonlab.ui.internal.launch.LaunchAttributes.*;

import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.reasonlab.core.run.RunSpec;

/** Training: hyper-parameters, with the DFAR paper's defaults, and the run folder. */
public class TrainingTab extends FineTuneTab {
    public TrainingTab() {
        super("Training");
    }

    @Override
    protected void createFields(Composite c) {
        text(c, "Learning rate:", LEARNING_RATE, "AdamW learning rate (the paper: 2e-4)", null);
        text(c, "Epochs:", EPOCHS, null, null);
        text(c, "Max steps:", MAX_STEPS, "Optimizer steps after which training stops; empty = no limit", null);
        text(c, "Batch size:", BATCH_SIZE, null, null);
        text(c, "Gradient accumulation:", GRADIENT_ACCUMULATION, "Forward passes per optimizer step", null);
        text(c, "Max sequence length:", MAX_SEQUENCE_LENGTH, "Tokens of prompt + answer", null);
        text(c, "Weight decay:", WEIGHT_DECAY, null, null);
        combo(c, "Schedule:", SCHEDULE, RunSpec.SCHEDULES, RunSpec.SCHEDULES);
        text(c, "Warm-up steps:", WARMUP_STEPS, null, null);
        text(c, "Seed:", SEED, null, null);
        text(c, "Checkpoint every:", CHECKPOINT_EVERY, "Optimizer steps between checkpoints; 0 = only at the end", null);
        combo(c, "Precision:", PRECISION, RunSpec.PRECISIONS,
                List.of("auto (bf16 on a recent CUDA GPU, else fp32)", "fp32", "bf16"));
        text(c, "Evaluation max new tokens:", EVAL_MAX_NEW_TOKENS, null, null);
        text(c, "Run folder:", RUN_DIR, "Empty = runs/<configuration>-<time> next to the dataset", "folder");
    }

    @Override
    protected List<String> attributes() {
        return List.of(LEARNING_RATE, EPOCHS, MAX_STEPS, BATCH_SIZE, GRADIENT_ACCUMULATION, MAX_SEQUENCE_LENGTH,
                WEIGHT_DECAY, SCHEDULE, WARMUP_STEPS, SEED, CHECKPOINT_EVERY, PRECISION, EVAL_MAX_NEW_TOKENS, RUN_DIR);
    }
}
