package org.reasonlab.ui.internal.launch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reasonlab.core.run.RunSetting;
import org.reasonlab.ui.ReasonLabUi;

/**
 * The attributes of a "ReasonLab Fine-tune" launch configuration (type {@value #TYPE_ID}). All
 * values are stored as text, exactly as typed, so that a shared {@code .launch} file stays readable
 * and the tabs can say what is wrong with a value instead of losing it; {@link LaunchSettings} parses
 * and checks them. A missing attribute means the default of {@link TrainingPreferences} (runtime and
 * hyper-parameters) or of the run spec.
 */
public final class LaunchAttributes {
    public static final String TYPE_ID = ReasonLabUi.FINE_TUNE_LAUNCH_TYPE;
    private static final String P = "org.reasonlab.ui.launch.";

    /** {@link #ACTION_TRAIN} (fine-tune, then evaluate) or {@link #ACTION_EVALUATE} (evaluate the base model). */
    public static final String ACTION = P + "action";
    public static final String ACTION_TRAIN = "train";
    public static final String ACTION_EVALUATE = "evaluate";

    // Data
    /** The dataset: a workspace path ({@code /project/data.jsonl}) or an absolute file system path. */
    public static final String DATASET = P + "dataset";
    public static final String TRAIN_SPLIT = P + "trainSplit";
    public static final String EVAL_SPLIT = P + "evalSplit";
    /** {@code l}, {@code l+r} or {@code r->l}. */
    public static final String MODE = P + "mode";
    /** Prompt and answer of the template; both empty = the mode's default (the DFAR paper's). */
    public static final String TEMPLATE_PROMPT = P + "templatePrompt";
    public static final String TEMPLATE_ANSWER = P + "templateAnswer";

    // Model
    /** {@code tiny} or a local Hugging Face model folder. */
    public static final String MODEL = P + "model";
    public static final String TUNING = P + "tuning";
    public static final String LORA_R = P + "loraR";
    public static final String LORA_ALPHA = P + "loraAlpha";
    public static final String LORA_DROPOUT = P + "loraDropout";
    /** Comma-separated module names. */
    public static final String LORA_TARGETS = P + "loraTargetModules";

    // Training
    /** A {@link org.reasonlab.core.run.RunPreset}'s id the settings started from; empty = ReasonLab's defaults. */
    public static final String PRESET = P + "preset";
    public static final String LEARNING_RATE = P + "learningRate";
    public static final String EPOCHS = P + "epochs";
    /** Empty = no limit. */
    public static final String MAX_STEPS = P + "maxSteps";
    public static final String BATCH_SIZE = P + "batchSize";
    public static final String GRADIENT_ACCUMULATION = P + "gradientAccumulation";
    public static final String MAX_SEQUENCE_LENGTH = P + "maxSequenceLength";
    public static final String WEIGHT_DECAY = P + "weightDecay";
    public static final String SCHEDULE = P + "schedule";
    public static final String WARMUP_STEPS = P + "warmupSteps";
    /** Empty = the warm-up is given in steps. */
    public static final String WARMUP_RATIO = P + "warmupRatio";
    public static final String GRADIENT_CLIPPING = P + "gradientClipping";
    /** {@code true} or {@code false}. */
    public static final String LOSS_ON_PROMPT = P + "lossOnPrompt";
    public static final String SEED = P + "seed";
    public static final String CHECKPOINT_EVERY = P + "checkpointEvery";
    public static final String PRECISION = P + "precision";
    public static final String EVAL_MAX_NEW_TOKENS = P + "evalMaxNewTokens";
    /** Empty = every record of the evaluation split. */
    public static final String EVAL_SAMPLE = P + "evalSample";
    /** Empty = the dataset's splits; else the share of the training records held out for evaluation. */
    public static final String HOLDOUT = P + "holdout";
    /** Empty = the run's seed. */
    public static final String SPLIT_SEED = P + "splitSeed";
    /** Empty = {@code runs/<configuration name>-<timestamp>} next to the dataset. */
    public static final String RUN_DIR = P + "runDir";

    // Robustness
    /** {@code builtin:gender} etc. or an attribute set file; empty = no counterfactual training. */
    public static final String COUNTERFACTUAL_ATTRIBUTES = P + "counterfactualAttributes";
    /** {@code true} or {@code false}: train on the counterfactual variants too. */
    public static final String COUNTERFACTUAL_AUGMENT = P + "counterfactualAugment";
    /** Lambda of the consistency term; 0 = off. */
    public static final String CONSISTENCY_WEIGHT = P + "consistencyWeight";
    /** Consistency weights of a sweep, e.g. {@code 0,0.5,1}; empty = the one weight. */
    public static final String LAMBDAS = P + "lambdas";
    /** A mixture in {@link org.reasonlab.core.training.MixtureText}'s form; datasets may be workspace paths. */
    public static final String MIXTURE = P + "mixture";
    /** Examples drawn for the mixture; empty = as many as the dataset's usable training records. */
    public static final String MIXTURE_SIZE = P + "mixtureSize";
    /** Shares of the mixture's last source for a sweep, e.g. {@code 0.1,0.25,0.5}; empty = the mixture's own. */
    public static final String RATIOS = P + "ratios";
    public static final List<String> ROBUSTNESS_ATTRIBUTES = List.of(COUNTERFACTUAL_ATTRIBUTES, COUNTERFACTUAL_AUGMENT,
            CONSISTENCY_WEIGHT, LAMBDAS, MIXTURE, MIXTURE_SIZE, RATIOS);

    // Runtime
    /** Home folder of the Java runtime for the trainer; empty = the runtime the IDE runs on. */
    public static final String JAVA_HOME = P + "javaHome";
    /** Maximum heap of the trainer JVM, e.g. {@code 8g}. */
    public static final String HEAP = P + "heap";
    public static final String DEVICE = P + "device";
    /** DJL's cache folder ({@code DJL_CACHE_DIR}); empty = DJL's default. */
    public static final String DJL_CACHE = P + "djlCache";
    /** {@code true} or {@code false}: whether DJL may download (e.g. the CUDA build of libtorch). */
    public static final String OFFLINE = P + "offline";
    /** Folder of a local libtorch 2.7.1 ({@code PYTORCH_LIBRARY_PATH}); empty = the bundled CPU build or DJL's cache. */
    public static final String LIBTORCH_PATH = P + "libtorchPath";

    // Target
    /** The compute target's name ({@code local}, or one of targets.json); the model path is then a path there. */
    public static final String TARGET = P + "target";
    /** Seeds of a sweep, e.g. {@code 1,2,3}; empty = the Training tab's seed, one run. */
    public static final String SEEDS = P + "seeds";
    /** Modes of a sweep, e.g. {@code l,l+r}; empty = the Data tab's mode. */
    public static final String MODES = P + "modes";
    public static final List<String> TARGET_ATTRIBUTES = List.of(TARGET, SEEDS, MODES);
    /** The lists of a sweep ({@link org.reasonlab.core.run.group.Sweep}), on the Target and Robustness tabs. */
    public static final List<String> SWEEP_ATTRIBUTES = List.of(SEEDS, MODES, RATIOS, LAMBDAS);

    /** The run setting each attribute holds, for {@link org.reasonlab.core.run.RunSettings}' check. */
    public static final Map<String, RunSetting> SETTINGS = settings();

    /** The attributes of the Runtime tab, which a resumed run takes from the preferences. */
    public static final List<String> RUNTIME = List.of(JAVA_HOME, HEAP, DEVICE, DJL_CACHE, OFFLINE, LIBTORCH_PATH);

    /** Attribute of the {@code ILaunch} (not the configuration): the run folder of this launch. */
    public static final String LAUNCH_RUN_DIR = P + "launch.runDir";

    private LaunchAttributes() {
    }

    private static Map<String, RunSetting> settings() {
        Map<String, RunSetting> m = new LinkedHashMap<>();
        m.put(DATASET, RunSetting.DATASET);
        m.put(TRAIN_SPLIT, RunSetting.TRAIN_SPLIT);
        m.put(EVAL_SPLIT, RunSetting.EVAL_SPLIT);
        m.put(MODE, RunSetting.MODE);
        m.put(TEMPLATE_PROMPT, RunSetting.TEMPLATE_PROMPT);
        m.put(TEMPLATE_ANSWER, RunSetting.TEMPLATE_ANSWER);
        m.put(MODEL, RunSetting.MODEL);
        m.put(TUNING, RunSetting.TUNING);
        m.put(LORA_R, RunSetting.LORA_R);
        m.put(LORA_ALPHA, RunSetting.LORA_ALPHA);
        m.put(LORA_DROPOUT, RunSetting.LORA_DROPOUT);
        m.put(LORA_TARGETS, RunSetting.LORA_TARGET_MODULES);
        m.put(LEARNING_RATE, RunSetting.LEARNING_RATE);
        m.put(EPOCHS, RunSetting.EPOCHS);
        m.put(MAX_STEPS, RunSetting.MAX_STEPS);
        m.put(BATCH_SIZE, RunSetting.BATCH_SIZE);
        m.put(GRADIENT_ACCUMULATION, RunSetting.GRADIENT_ACCUMULATION);
        m.put(MAX_SEQUENCE_LENGTH, RunSetting.MAX_SEQUENCE_LENGTH);
        m.put(WEIGHT_DECAY, RunSetting.WEIGHT_DECAY);
        m.put(SCHEDULE, RunSetting.SCHEDULE);
        m.put(WARMUP_STEPS, RunSetting.WARMUP_STEPS);
        m.put(WARMUP_RATIO, RunSetting.WARMUP_RATIO);
        m.put(GRADIENT_CLIPPING, RunSetting.GRADIENT_CLIPPING);
        m.put(PRESET, RunSetting.PRESET);
        m.put(SEED, RunSetting.SEED);
        m.put(CHECKPOINT_EVERY, RunSetting.CHECKPOINT_EVERY);
        m.put(PRECISION, RunSetting.PRECISION);
        m.put(EVAL_MAX_NEW_TOKENS, RunSetting.EVAL_MAX_NEW_TOKENS);
        m.put(EVAL_SAMPLE, RunSetting.EVAL_SAMPLE);
        m.put(HOLDOUT, RunSetting.HOLDOUT);
        m.put(SPLIT_SEED, RunSetting.SPLIT_SEED);
        m.put(COUNTERFACTUAL_ATTRIBUTES, RunSetting.COUNTERFACTUAL_ATTRIBUTES);
        m.put(COUNTERFACTUAL_AUGMENT, RunSetting.COUNTERFACTUAL_AUGMENT);
        m.put(CONSISTENCY_WEIGHT, RunSetting.CONSISTENCY_WEIGHT);
        m.put(MIXTURE, RunSetting.MIXTURE);
        m.put(MIXTURE_SIZE, RunSetting.MIXTURE_SIZE);
        m.put(JAVA_HOME, RunSetting.JAVA_HOME);
        m.put(HEAP, RunSetting.HEAP);
        m.put(DEVICE, RunSetting.DEVICE);
        m.put(DJL_CACHE, RunSetting.DJL_CACHE);
        m.put(OFFLINE, RunSetting.OFFLINE);
        m.put(LIBTORCH_PATH, RunSetting.LIBTORCH_PATH);
        return Map.copyOf(m);
    }
}
