package org.reasonlab.ui.internal.launch;

import static org.reasonlab.ui.internal.launch.LaunchAttributes.*;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.swt.widgets.Composite;

/** Model: a local Hugging Face folder or the tiny preset; LoRA (r, alpha, dropout, modules) or full. */
public class ModelTab extends FineTuneTab {
    public ModelTab() {
        super("Model");
    }

    @Override
    protected void createFields(Composite c) {
        text(c, "Model:", MODEL, "A local Hugging Face model folder (config.json, model.safetensors, tokenizer.json),"
                + " or 'tiny' for the built-in untrained preset", "folder");
        note(c, "Type 'tiny' for the built-in, untrained small Llama (smoke tests only).");
        combo(c, "Tuning:", TUNING, List.of("lora", "full"), List.of("LoRA (adapters only)", "Full (all weights)"));
        text(c, "LoRA r:", LORA_R, "Rank of the adapters (the DFAR paper: 64); below the model's hidden size", null);
        text(c, "LoRA alpha:", LORA_ALPHA, "Scaling (the DFAR paper: 16)", null);
        text(c, "LoRA dropout:", LORA_DROPOUT, "From 0 to below 1 (the DFAR paper: 0.1)", null);
        text(c, "LoRA target modules:", LORA_TARGETS, "Comma-separated, e.g. q_proj, v_proj", null);
    }

    @Override
    protected void fieldsChanged() {
        boolean lora = "lora".equals(value(TUNING));
        for (String a : List.of(LORA_R, LORA_ALPHA, LORA_DROPOUT, LORA_TARGETS)) {
            if (field(a) != null) {
                field(a).setEnabled(lora);
            }
        }
    }

    /** Valid as the settings check says; a LoRA r not below the model's hidden size is a warning, not an error. */
    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        boolean valid = super.isValid(configuration);
        if (valid) {
            try {
                setMessage(LaunchSettings.of(configuration).loraRankWarning());
            } catch (CoreException e) {
                setMessage(null);
            }
        }
        return valid;
    }

    @Override
    protected List<String> attributes() {
        return List.of(MODEL, TUNING, LORA_R, LORA_ALPHA, LORA_DROPOUT, LORA_TARGETS);
    }
}
