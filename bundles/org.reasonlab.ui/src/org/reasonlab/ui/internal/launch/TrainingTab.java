package org.reasonlab.ui.internal.launch;

import static org.reasonlab.ui.internal.launch.LaunchAttributes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.debug.ui.ILaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.reasonlab.core.run.RunPreset;
import org.reasonlab.core.run.RunSpec;

/**
 * Training: a preset, the hyper-parameters and the run folder. Choosing a preset writes its settings into the fields
 * of every tab (LoRA on the Model tab, the template on the Data tab); fields changed afterwards win, as options
 * beside {@code --preset} do.
 */
public class TrainingTab extends FineTuneTab {
    public TrainingTab() {
        super("Training");
    }

    @Override
    protected void createFields(Composite c) {
        List<String> presets = new ArrayList<>(List.of(""));
        List<String> presetLabels = new ArrayList<>(List.of("ReasonLab defaults"));
        for (RunPreset p : RunPreset.values()) {
            presets.add(p.id());
            presetLabels.add(p.id() + ": " + p.description());
        }
        Combo preset = combo(c, "Preset:", PRESET, presets, presetLabels);
        preset.setToolTipText("Sets the settings of the preset on every tab; change any of them afterwards");
        preset.addListener(SWT.Selection, e -> applyPreset(value(PRESET)));
        text(c, "Learning rate:", LEARNING_RATE, "AdamW learning rate", null);
        text(c, "Epochs:", EPOCHS, null, null);
        text(c, "Max steps:", MAX_STEPS, "Optimizer steps after which training stops; empty = no limit", null);
        text(c, "Batch size:", BATCH_SIZE, null, null);
        text(c, "Gradient accumulation:", GRADIENT_ACCUMULATION, "Forward passes per optimizer step", null);
        text(c, "Max sequence length:", MAX_SEQUENCE_LENGTH, "Tokens of prompt + answer", null);
        text(c, "Weight decay:", WEIGHT_DECAY, null, null);
        combo(c, "Schedule:", SCHEDULE, RunSpec.SCHEDULES, RunSpec.SCHEDULES);
        text(c, "Warm-up steps:", WARMUP_STEPS, null, null);
        text(c, "Warm-up ratio:", WARMUP_RATIO, "Warm-up as a share of all optimizer steps (e.g. 0.03), instead of"
                + " steps; empty = use the steps", null);
        text(c, "Gradient clipping:", GRADIENT_CLIPPING, "Maximum gradient norm; 0 = off", null);
        combo(c, "Loss on:", LOSS_ON_PROMPT, List.of("false", "true"), List.of("the answer only", "the whole sequence"
                + " (prompt too)"));
        text(c, "Seed:", SEED, null, null);
        text(c, "Checkpoint every:", CHECKPOINT_EVERY, "Optimizer steps between checkpoints; 0 = only at the end", null);
        combo(c, "Precision:", PRECISION, RunSpec.PRECISIONS,
                List.of("auto (bf16 where GPU or CPU multiply bf16 natively, else fp32)", "fp32", "bf16"));
        text(c, "Evaluation max new tokens:", EVAL_MAX_NEW_TOKENS, "0 = the longest training answer plus a margin"
                + " (written into spec.json when training starts)", null);
        text(c, "Evaluation sample:", EVAL_SAMPLE, "Evaluate a seeded random sample of this many records of the"
                + " evaluation split; empty = all", null);
        text(c, "Run folder:", RUN_DIR, "Empty = runs/<configuration>-<time> next to the dataset", "folder");
    }

    @Override
    protected List<String> attributes() {
        return List.of(PRESET, LEARNING_RATE, EPOCHS, MAX_STEPS, BATCH_SIZE, GRADIENT_ACCUMULATION, MAX_SEQUENCE_LENGTH,
                WEIGHT_DECAY, SCHEDULE, WARMUP_STEPS, WARMUP_RATIO, GRADIENT_CLIPPING, LOSS_ON_PROMPT, SEED,
                CHECKPOINT_EVERY, PRECISION, EVAL_MAX_NEW_TOKENS, EVAL_SAMPLE, RUN_DIR);
    }

    /** Writes the preset's settings (ReasonLab's defaults for none) into this tab and the dialog's other tabs. */
    void applyPreset(String presetId) {
        Map<String, String> values = LaunchSettings.presetValues(presetId);
        setValues(values);
        if (getLaunchConfigurationDialog() != null) {
            for (ILaunchConfigurationTab tab : getLaunchConfigurationDialog().getTabs()) {
                if (tab instanceof FineTuneTab other && other != this) {
                    other.setValues(values);
                }
            }
        }
    }
}
