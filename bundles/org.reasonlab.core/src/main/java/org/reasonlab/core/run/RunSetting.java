package org.reasonlab.core.run;

/**
 * Every setting of a fine-tuning run that can be wrong: the fields of {@code spec.json} and the trainer JVM's
 * runtime settings. {@link RunSettings} checks them, once for the command line, the launch dialog and the
 * preferences, which map settings to their own fields.
 */
public enum RunSetting {
    RUN_ID("runId", "Run id"),
    DATASET("dataset", "Dataset"),
    TRAIN_SPLIT("trainSplit", "Train split"),
    EVAL_SPLIT("evalSplit", "Evaluation split"),
    MODE("mode", "Mode"),
    /** The template's prompt text; empty for the mode's default template. */
    TEMPLATE_PROMPT("template.prompt", "Template prompt"),
    /** The template's answer text; empty for the mode's default template. Template problems are reported here. */
    TEMPLATE_ANSWER("template.answer", "Template answer"),
    MODEL("model", "Model"),
    TUNING("tuning", "Tuning"),
    LORA_R("loraR", "LoRA r"),
    LORA_ALPHA("loraAlpha", "LoRA alpha"),
    LORA_DROPOUT("loraDropout", "LoRA dropout"),
    /** Module names separated by commas or spaces. */
    LORA_TARGET_MODULES("loraTargetModules", "LoRA target modules"),
    LEARNING_RATE("learningRate", "Learning rate"),
    EPOCHS("epochs", "Epochs"),
    /** Empty for no limit. */
    MAX_STEPS("maxSteps", "Max steps (or leave it empty)"),
    BATCH_SIZE("batchSize", "Batch size"),
    GRADIENT_ACCUMULATION("gradientAccumulation", "Gradient accumulation"),
    WARMUP_STEPS("warmupSteps", "Warm-up steps"),
    /** Empty when the warm-up is given in steps. */
    WARMUP_RATIO("warmupRatio", "Warm-up ratio (or leave it empty)"),
    CHECKPOINT_EVERY("checkpointEvery", "Checkpoint every (0 = only at the end)"),
    WEIGHT_DECAY("weightDecay", "Weight decay"),
    SCHEDULE("schedule", "Schedule"),
    SEED("seed", "Seed"),
    GRADIENT_CLIPPING("gradientClipping", "Gradient clipping"),
    MAX_SEQUENCE_LENGTH("maxSequenceLength", "Max sequence length"),
    /** 0 derives it from the training answers. */
    EVAL_MAX_NEW_TOKENS("evalMaxNewTokens", "Evaluation max new tokens"),
    /** Empty to evaluate every record of the evaluation split. */
    EVAL_SAMPLE("evalSample", "Evaluation sample (or leave it empty)"),
    /** A {@link RunPreset}'s id; empty for ReasonLab's defaults. */
    PRESET("preset", "Preset"),
    /** Empty: the dataset's own splits. */
    HOLDOUT("holdout", "Held-out share"),
    /** Empty: the run's seed. */
    SPLIT_SEED("splitSeed", "Split seed"),
    /** An attribute set ({@code builtin:gender} or a file); empty for no counterfactual training. */
    COUNTERFACTUAL_ATTRIBUTES("counterfactualAttributes", "Counterfactual attributes"),
    /** {@code true} or {@code false}. */
    COUNTERFACTUAL_AUGMENT("counterfactualAugment", "Counterfactual augmentation"),
    /** Lambda; 0 turns the consistency term off. */
    CONSISTENCY_WEIGHT("consistencyWeight", "Consistency weight"),
    /** {@link org.reasonlab.core.training.MixtureText}'s one-line form; empty for no mixture. */
    MIXTURE("mixture", "Mixture"),
    /** Empty: as many examples as the run's dataset has training records. */
    MIXTURE_SIZE("mixtureSize", "Mixture size"),
    PRECISION("precision", "Precision"),
    DEVICE("device", "Device"),
    /** The trainer JVM's Java home; empty for the one the caller runs on. */
    JAVA_HOME("javaHome", "Java runtime"),
    /** The trainer JVM's maximum heap, e.g. {@code 8g}. */
    HEAP("heap", "Heap"),
    /** {@code true} (DJL downloads nothing) or {@code false}. */
    OFFLINE("offline", "Offline mode"),
    /** DJL's cache folder; empty for DJL's default. */
    DJL_CACHE("djlCache", "DJL cache folder"),
    /** The lib folder of a local libtorch; empty for the bundled one. */
    LIBTORCH_PATH("libtorchPath", "libtorch folder");

    private final String id;
    private final String label;

    RunSetting(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name in {@code spec.json} (or the command line's, for runtime settings). */
    public String id() {
        return id;
    }

    /** The name people see, at the start of a problem's message. */
    public String label() {
        return label;
    }

    /** Whether only training uses the setting (an evaluation of the base model ignores it). */
    public boolean trainingOnly() {
        return switch (this) {
            case TUNING, LORA_R, LORA_ALPHA, LORA_DROPOUT, LORA_TARGET_MODULES, LEARNING_RATE, EPOCHS,
                    MAX_STEPS, BATCH_SIZE, GRADIENT_ACCUMULATION, WARMUP_STEPS, WARMUP_RATIO, CHECKPOINT_EVERY, WEIGHT_DECAY,
                    SCHEDULE, SEED, GRADIENT_CLIPPING, HOLDOUT, SPLIT_SEED, COUNTERFACTUAL_ATTRIBUTES,
                    COUNTERFACTUAL_AUGMENT, CONSISTENCY_WEIGHT, MIXTURE, MIXTURE_SIZE -> true;
            default -> false;
        };
    }

    /** Whether the setting matters only for LoRA tuning. */
    public boolean loraOnly() {
        return this == LORA_R || this == LORA_ALPHA || this == LORA_DROPOUT || this == LORA_TARGET_MODULES;
    }
}
