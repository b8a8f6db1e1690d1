package org.reasonlab.core.run;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A named set of run settings that {@link #applyTo} writes over a spec's, recording itself in
 * {@link RunSpec#preset()}. Settings given explicitly beside a preset are applied after it, so they win.
 */
public enum RunPreset {
    /**
     * The DFAR paper's QLoRA notebooks: LoRA r 64, alpha 16, dropout 0.1 on {@code q_proj}, {@code v_proj}
     * (PEFT's default modules for Llama: the notebooks' {@code LoraConfig} names none), 10 epochs, batch 4,
     * learning rate 2e-4 constant after a warm-up of 3% of the steps, gradient norm clipped at 0.3, loss on
     * the whole sequence, the paper's Llama prompt (the mode's default template).
     */
    DFAR_PAPER("dfar-paper", "the DFAR paper's set-up: LoRA r 64 / alpha 16 / dropout 0.1 on q_proj, v_proj,"
            + " 10 epochs, batch 4, lr 2e-4 constant, warm-up ratio 0.03, max gradient norm 0.3, loss on the"
            + " whole sequence, the paper's Llama prompt") {
        @Override
        void set(RunSpec spec) {
            spec.setTuning(RunSpec.TUNING_LORA);
            spec.setLoraR(64);
            spec.setLoraAlpha(16);
            spec.setLoraDropout(0.1);
            spec.setLoraTargetModules(List.of("q_proj", "v_proj"));
            spec.setEpochs(10);
            spec.setMaxSteps(null);
            spec.setBatchSize(4);
            spec.setGradientAccumulation(1);
            spec.setLearningRate(2e-4);
            spec.setSchedule("constant");
            spec.setWarmupSteps(0);
            spec.setWarmupRatio(0.03);
            spec.setGradientClipping(0.3);
            spec.setLossOnPrompt(true);
            spec.setTemplate(null);
        }
    };

    private final String id;
    private final String description;

    RunPreset(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name on the command line and in {@code spec.json}. */
    public String id() {
        return id;
    }

    /** What the preset sets, in words. */
    public String description() {
        return description;
    }

    /** Writes the preset's settings over the spec's and records the preset in it. */
    public void applyTo(RunSpec spec) {
        set(spec);
        spec.setPreset(id);
    }

    abstract void set(RunSpec spec);

    /** The preset of that name, if there is one. */
    public static Optional<RunPreset> of(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    /** The names of all presets, for messages. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(RunPreset::id).toList();
    }
}
