package org.reasonlab.ui.internal.launch;

import static org.reasonlab.ui.internal.launch.LaunchAttributes.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.reasonlab.core.counterfactual.BuiltinAttributeSets;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.LoraRank;
import org.reasonlab.core.run.RunPreset;
import org.reasonlab.core.run.RunSetting;
import org.reasonlab.core.run.RunSettings;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.group.Sweep;
import org.reasonlab.core.run.group.SweepText;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.training.MixtureSource;
import org.reasonlab.core.training.MixtureText;
import org.reasonlab.core.run.SettingProblem;

/**
 * The values of a fine-tune launch configuration with the defaults filled in, their validation and what they turn
 * into: the {@link RunSpec}, the run folder and the dataset file. The run settings are checked by the core's
 * {@link RunSettings} (the same limits as the command line and the preferences); this class maps its attributes to
 * {@link RunSetting}s ({@link LaunchAttributes#SETTINGS}) and adds what only a launch configuration has: the action
 * and the run folder.
 */
public final class LaunchSettings {
    private final Map<String, String> values;

    private LaunchSettings(Map<String, String> values) {
        this.values = values;
    }

    /** The configuration's values; attributes it lacks take {@link #defaults()}. */
    public static LaunchSettings of(ILaunchConfiguration config) throws CoreException {
        Map<String, String> values = defaults();
        for (String key : values.keySet()) {
            values.put(key, config.getAttribute(key, values.get(key)));
        }
        return new LaunchSettings(values);
    }

    /** Settings from plain values (tests, resume); missing keys take {@link #defaults()}. */
    public static LaunchSettings of(Map<String, String> overrides) {
        Map<String, String> values = defaults();
        values.putAll(overrides);
        return new LaunchSettings(values);
    }

    /** Every attribute with its default: the run spec's, or the ReasonLab &gt; Training preferences. */
    public static Map<String, String> defaults() {
        RunSpec spec = new RunSpec();
        Map<String, String> d = new LinkedHashMap<>();
        d.put(ACTION, ACTION_TRAIN);
        d.put(DATASET, "");
        d.put(TRAIN_SPLIT, spec.trainSplit());
        d.put(EVAL_SPLIT, spec.evalSplit());
        d.put(MODE, spec.mode().id());
        d.put(TEMPLATE_PROMPT, "");
        d.put(TEMPLATE_ANSWER, "");
        d.put(MODEL, RunSpec.TINY_MODEL);
        d.put(TUNING, spec.tuning());
        d.put(LORA_R, TrainingPreferences.get(TrainingPreferences.LORA_R));
        d.put(LORA_ALPHA, TrainingPreferences.get(TrainingPreferences.LORA_ALPHA));
        d.put(LORA_DROPOUT, TrainingPreferences.get(TrainingPreferences.LORA_DROPOUT));
        d.put(LORA_TARGETS, String.join(", ", spec.loraTargetModules()));
        d.put(PRESET, "");
        d.put(LEARNING_RATE, TrainingPreferences.get(TrainingPreferences.LEARNING_RATE));
        d.put(EPOCHS, TrainingPreferences.get(TrainingPreferences.EPOCHS));
        d.put(MAX_STEPS, "");
        d.put(BATCH_SIZE, TrainingPreferences.get(TrainingPreferences.BATCH_SIZE));
        d.put(GRADIENT_ACCUMULATION, Integer.toString(spec.gradientAccumulation()));
        d.put(MAX_SEQUENCE_LENGTH, Integer.toString(spec.maxSequenceLength()));
        d.put(WEIGHT_DECAY, Double.toString(spec.weightDecay()));
        d.put(SCHEDULE, spec.schedule());
        d.put(WARMUP_STEPS, Integer.toString(spec.warmupSteps()));
        d.put(WARMUP_RATIO, "");
        d.put(GRADIENT_CLIPPING, Double.toString(spec.gradientClipping()));
        d.put(LOSS_ON_PROMPT, Boolean.toString(spec.lossOnPrompt()));
        d.put(SEED, Long.toString(spec.seed()));
        d.put(CHECKPOINT_EVERY, Integer.toString(spec.checkpointEvery()));
        d.put(PRECISION, spec.precision());
        d.put(EVAL_MAX_NEW_TOKENS, Integer.toString(spec.evalMaxNewTokens()));
        d.put(EVAL_SAMPLE, "");
        d.put(HOLDOUT, "");
        d.put(SPLIT_SEED, "");
        d.put(RUN_DIR, "");
        d.put(JAVA_HOME, "");
        d.put(HEAP, TrainingPreferences.get(TrainingPreferences.HEAP));
        d.put(DEVICE, TrainingPreferences.get(TrainingPreferences.DEVICE));
        d.put(DJL_CACHE, TrainingPreferences.get(TrainingPreferences.DJL_CACHE));
        d.put(OFFLINE, TrainingPreferences.get(TrainingPreferences.OFFLINE));
        d.put(LIBTORCH_PATH, TrainingPreferences.get(TrainingPreferences.LIBTORCH_PATH));
        d.put(TARGET, ComputeTarget.LOCAL_NAME);
        d.put(SEEDS, "");
        d.put(MODES, "");
        d.put(COUNTERFACTUAL_ATTRIBUTES, "");
        d.put(COUNTERFACTUAL_AUGMENT, Boolean.toString(spec.counterfactualAugment()));
        d.put(CONSISTENCY_WEIGHT, Double.toString(spec.consistencyWeight()));
        d.put(LAMBDAS, "");
        d.put(MIXTURE, "");
        d.put(MIXTURE_SIZE, "");
        d.put(RATIOS, "");
        return d;
    }

    /** The attributes {@link #presetValues} sets. */
    private static final List<String> PRESET_ATTRIBUTES = List.of(PRESET, TEMPLATE_PROMPT, TEMPLATE_ANSWER, TUNING,
            LORA_R, LORA_ALPHA, LORA_DROPOUT, LORA_TARGETS, LEARNING_RATE, EPOCHS, MAX_STEPS, BATCH_SIZE,
            GRADIENT_ACCUMULATION, SCHEDULE, WARMUP_STEPS, WARMUP_RATIO, GRADIENT_CLIPPING, LOSS_ON_PROMPT);

    /**
     * The attributes a preset sets, with its values ({@link RunPreset#applyTo} on a spec); for no preset (empty)
     * the same attributes with ReasonLab's defaults. The template fields are emptied: the mode's default template.
     */
    public static Map<String, String> presetValues(String presetId) {
        Optional<RunPreset> preset = RunPreset.of(presetId);
        if (preset.isEmpty()) {
            Map<String, String> defaults = defaults();
            Map<String, String> v = new LinkedHashMap<>();
            PRESET_ATTRIBUTES.forEach(a -> v.put(a, defaults.get(a)));
            return v;
        }
        RunSpec s = new RunSpec();
        preset.get().applyTo(s);
        Map<String, String> v = new LinkedHashMap<>();
        v.put(PRESET, s.preset());
        v.put(TEMPLATE_PROMPT, "");
        v.put(TEMPLATE_ANSWER, "");
        v.put(TUNING, s.tuning());
        v.put(LORA_R, Integer.toString(s.loraR()));
        v.put(LORA_ALPHA, Integer.toString(s.loraAlpha()));
        v.put(LORA_DROPOUT, Double.toString(s.loraDropout()));
        v.put(LORA_TARGETS, String.join(", ", s.loraTargetModules()));
        v.put(LEARNING_RATE, Double.toString(s.learningRate()));
        v.put(EPOCHS, Integer.toString(s.epochs()));
        v.put(MAX_STEPS, s.maxSteps() == null ? "" : Integer.toString(s.maxSteps()));
        v.put(BATCH_SIZE, Integer.toString(s.batchSize()));
        v.put(GRADIENT_ACCUMULATION, Integer.toString(s.gradientAccumulation()));
        v.put(SCHEDULE, s.schedule());
        v.put(WARMUP_STEPS, Integer.toString(s.warmupSteps()));
        v.put(WARMUP_RATIO, s.warmupRatio() == null ? "" : Double.toString(s.warmupRatio()));
        v.put(GRADIENT_CLIPPING, Double.toString(s.gradientClipping()));
        v.put(LOSS_ON_PROMPT, Boolean.toString(s.lossOnPrompt()));
        return v;
    }

    /** The warning for a LoRA r not below the model's hidden size (known for {@code tiny} and a config.json), or null. */
    public String loraRankWarning() {
        if (!RunSpec.TUNING_LORA.equals(get(TUNING))) {
            return null;
        }
        try {
            int r = Integer.parseInt(get(LORA_R));
            OptionalInt hidden = LoraRank.hiddenSize(get(MODEL));
            return hidden.isEmpty() ? null : LoraRank.warning(r, hidden.getAsInt()).map(w -> w + ".").orElse(null);
        } catch (NumberFormatException e) {
            return null; // the error is shown instead
        }
    }

    /** Writes every default into the working copy (a new configuration). */
    public static void setDefaults(ILaunchConfigurationWorkingCopy wc) {
        defaults().forEach(wc::setAttribute);
    }

    public String get(String attribute) {
        String v = values.get(attribute);
        return v == null ? "" : v.strip();
    }

    /** Text as typed, not stripped (templates keep their spaces and line breaks). */
    public String raw(String attribute) {
        String v = values.get(attribute);
        return v == null ? "" : v;
    }

    public boolean evaluateOnly() {
        return ACTION_EVALUATE.equals(get(ACTION));
    }

    // ---------------------------------------------------------------- validation

    /** The first problem of any attribute, or null. */
    public String firstProblem() {
        return problemOf(values.keySet());
    }

    /**
     * The first problem of these attributes (a tab's), as a sentence for the dialog, or null: the launch's own
     * (action, run folder), then the run settings' in {@link RunSetting} order.
     */
    public String problemOf(Collection<String> attributes) {
        if (attributes.contains(ACTION) && !ACTION_TRAIN.equals(get(ACTION)) && !evaluateOnly()) {
            return "Unknown action '" + get(ACTION) + "': use train or evaluate.";
        }
        Set<RunSetting> settings = EnumSet.noneOf(RunSetting.class);
        attributes.stream().map(SETTINGS::get).filter(Objects::nonNull).forEach(settings::add);
        List<SettingProblem> problems = runSettings().checkOnDisk(!evaluateOnly(), settings);
        if (!problems.isEmpty()) {
            return problems.get(0).message();
        }
        if (attributes.contains(TARGET) || SWEEP_ATTRIBUTES.stream().anyMatch(attributes::contains)) {
            String problem = targetProblem();
            if (problem != null) {
                return problem;
            }
        }
        return attributes.contains(RUN_DIR) ? runDirectoryProblem() : null;
    }

    /**
     * The run settings among the values, the dataset as a file on disk. On a compute target the model is a path
     * there (Check target looks at it) and the local runtime settings do not apply, so they are not checked here.
     */
    private RunSettings runSettings() {
        Map<RunSetting, String> texts = new EnumMap<>(RunSetting.class);
        SETTINGS.forEach((attribute, setting) -> texts.put(setting, raw(attribute)));
        if (isRemote()) {
            if (!raw(MODEL).isBlank()) {
                texts.put(RunSetting.MODEL, RunSpec.TINY_MODEL);
            }
            texts.put(RunSetting.JAVA_HOME, "");
            texts.put(RunSetting.LIBTORCH_PATH, "");
            texts.put(RunSetting.DJL_CACHE, "");
        }
        Path file = get(DATASET).isEmpty() ? null : datasetFile();
        if (file != null) {
            texts.put(RunSetting.DATASET, file.toString());
        }
        try {
            texts.put(RunSetting.MIXTURE, MixtureText.format(mixture()));
        } catch (IllegalArgumentException e) {
            // left as typed: the check says what is wrong with it
        }
        if (!get(COUNTERFACTUAL_ATTRIBUTES).isEmpty()) {
            texts.put(RunSetting.COUNTERFACTUAL_ATTRIBUTES, attributeSet(get(COUNTERFACTUAL_ATTRIBUTES)));
        }
        try { // a lambda sweep sets every run's weight: the single weight field does not matter then
            lambdas().stream().max(Double::compare)
                    .ifPresent(l -> texts.put(RunSetting.CONSISTENCY_WEIGHT, Double.toString(l)));
        } catch (IllegalArgumentException e) {
            // said by targetProblem
        }
        return RunSettings.of(texts);
    }

    private String runDirectoryProblem() {
        String runDir = get(RUN_DIR);
        if (runDir.isEmpty()) {
            return null;
        }
        Path dir = RunSettings.path(runDir);
        if (dir == null || !dir.isAbsolute()) {
            return "Run folder must be an absolute path (or empty for runs/<name>-<time> next to the dataset).";
        }
        return Files.isRegularFile(dir) ? "Run folder is a file: " + runDir : null;
    }

    /** What is wrong with the target or the sweep's lists; null when nothing. */
    private String targetProblem() {
        Sweep sweep;
        try {
            sweep = sweep();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (!sweep.ratios().isEmpty() || !sweep.lambdas().isEmpty()) {
            RunSpec base = new RunSpec();
            boolean mixtureReadable = true;
            try {
                base.setMixture(mixture());
            } catch (IllegalArgumentException e) {
                mixtureReadable = false; // the Mixture field's own problem is said
            }
            base.setCounterfactualAttributes(get(COUNTERFACTUAL_ATTRIBUTES));
            String problem = mixtureReadable ? sweep.problemWith(base) : null;
            if (problem != null) {
                return problem + ".";
            }
        }
        if (sweep.isSweep() && evaluateOnly()) {
            return "A sweep fine-tunes one run per seed, mode, ratio and lambda: untick Evaluate the base model, or"
                    + " clear the sweep's lists (Seeds, Modes, Ratios, Lambdas).";
        }
        if (sweep.isSweep() && !get(RUN_DIR).isEmpty()) {
            return "A sweep makes one run folder per run next to the dataset: leave the Run folder field empty.";
        }
        if (isRemote() && evaluateOnly()) {
            return "Evaluating the base model runs on this machine: choose the local target, or fine-tune.";
        }
        return null;
    }

    /** The compute target's name ({@code local} by default). */
    public String target() {
        String t = get(TARGET).strip();
        return t.isEmpty() ? ComputeTarget.LOCAL_NAME : t;
    }

    public boolean isRemote() {
        return !ComputeTarget.LOCAL_NAME.equals(target());
    }

    /** The sweep's shares of the mixture's last source; empty: the mixture as given. */
    public List<Double> ratios() {
        return SweepText.ratios(get(RATIOS));
    }

    /** The sweep's consistency weights; empty: the one weight. */
    public List<Double> lambdas() {
        return SweepText.lambdas(get(LAMBDAS));
    }

    /**
     * The runs' sweep over the lists of the Target and Robustness tabs (one run when they hold one value each).
     *
     * @throws IllegalArgumentException with a sentence for the dialog
     */
    public Sweep sweep() {
        return new Sweep(SweepText.modes(get(MODES)), SweepText.seeds(get(SEEDS)), ratios(), lambdas());
    }

    /** The mixture with its datasets (workspace paths, too) and attribute sets as files on disk. */
    public List<MixtureSource> mixture() {
        List<MixtureSource> sources = new java.util.ArrayList<>();
        for (MixtureSource source : MixtureText.parse(raw(MIXTURE))) {
            MixtureSource s = source.isSelf() ? source : source.withDataset(onDisk(source.dataset()));
            if (s.maskAttributes() != null) {
                s = new MixtureSource(s.dataset(), s.ratio(), s.tag(), s.lossWeight(), attributeSet(s.maskAttributes()));
            }
            sources.add(s);
        }
        return sources;
    }

    /** A {@code builtin:} set as it is, a file (workspace path, too) as a path on disk. */
    private static String attributeSet(String text) {
        return text.startsWith(BuiltinAttributeSets.PREFIX) ? text : onDisk(text);
    }

    /** A workspace path's location, else the text as a file system path (absolute); the text when it is none. */
    private static String onDisk(String text) {
        Path p = fileOnDisk(text);
        return p == null ? text : p.toString();
    }

    /** The workspace file a path names, when it names an existing one. */
    private static IFile workspaceFile(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            IResource r = ResourcesPlugin.getWorkspace().getRoot().findMember(IPath.fromOSString(text));
            return r instanceof IFile f ? f : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The workspace file's location, or the text as a file system path (absolute); null when it is neither. */
    private static Path fileOnDisk(String text) {
        IFile file = workspaceFile(text);
        if (file != null && file.getLocation() != null) {
            return file.getLocation().toPath();
        }
        Path p = RunSettings.path(text);
        return p == null ? null : p.toAbsolutePath();
    }

    // ---------------------------------------------------------------- derived values

    /** The dataset's workspace file, when the attribute is a workspace path of an existing file. */
    public IFile datasetWorkspaceFile() {
        return workspaceFile(get(DATASET));
    }

    /** The dataset on disk: the workspace file's location, or the text as a file system path. */
    public Path datasetFile() {
        return fileOnDisk(get(DATASET));
    }

    /** The folder next to the dataset in which runs are created by default ({@code runs/}), in the workspace when it can. */
    public IContainer runsParentContainer() {
        IFile file = datasetWorkspaceFile();
        return file == null ? null : file.getParent();
    }

    /**
     * The run folder: the attribute when set, else {@code runs/<name>-<yyyyMMdd-HHmmss>} next to the
     * dataset (with {@code -2}, {@code -3}... when it exists already).
     */
    public Path runDirectory(String configName, LocalDateTime now) {
        if (!get(RUN_DIR).isEmpty()) {
            return RunSettings.path(get(RUN_DIR));
        }
        Path parent = datasetFile().getParent();
        String stamp = now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path base = parent.resolve("runs").resolve(safeName(configName) + "-" + stamp);
        Path p = base;
        for (int i = 2; Files.exists(p); i++) {
            p = base.resolveSibling(base.getFileName() + "-" + i);
        }
        return p;
    }

    /** A name usable as a run id and folder name: letters, digits, '.', '_' and '-'. */
    public static String safeName(String name) {
        String s = name == null ? "" : name.strip().replaceAll("[^A-Za-z0-9._-]+", "-");
        s = s.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
        return s.isEmpty() ? "run" : s;
    }

    public List<String> loraTargets() {
        return runSettings().loraTargets();
    }

    /** The mode of a valid configuration. */
    public TrainingMode mode() {
        return TrainingMode.parse(get(MODE)).orElseThrow();
    }

    public boolean offline() {
        return !get(OFFLINE).equalsIgnoreCase("false");
    }

    /** The run spec of a valid configuration; call {@link #firstProblem()} first. */
    public RunSpec toSpec(String runId) {
        RunSpec s = new RunSpec();
        s.setRunId(runId);
        s.setDataset(datasetFile().toString());
        s.setTrainSplit(get(TRAIN_SPLIT));
        s.setEvalSplit(get(EVAL_SPLIT));
        s.setMode(mode());
        if (!raw(TEMPLATE_PROMPT).isBlank()) {
            s.setTemplate(new PromptTemplate(raw(TEMPLATE_PROMPT), raw(TEMPLATE_ANSWER)));
        }
        String model = get(MODEL);
        s.setModel(RunSpec.TINY_MODEL.equals(model) || isRemote() ? model
                : RunSettings.path(model).toAbsolutePath().toString());
        s.setTuning(get(TUNING));
        s.setLoraR(Integer.parseInt(get(LORA_R)));
        s.setLoraAlpha(Integer.parseInt(get(LORA_ALPHA)));
        s.setLoraDropout(Double.parseDouble(get(LORA_DROPOUT)));
        s.setLoraTargetModules(loraTargets());
        s.setLearningRate(Double.parseDouble(get(LEARNING_RATE)));
        s.setWeightDecay(Double.parseDouble(get(WEIGHT_DECAY)));
        s.setSchedule(get(SCHEDULE));
        s.setWarmupSteps(Integer.parseInt(get(WARMUP_STEPS)));
        s.setWarmupRatio(get(WARMUP_RATIO).isEmpty() ? null : Double.valueOf(get(WARMUP_RATIO)));
        s.setGradientClipping(Double.parseDouble(get(GRADIENT_CLIPPING)));
        s.setLossOnPrompt(Boolean.parseBoolean(get(LOSS_ON_PROMPT)));
        s.setPreset(get(PRESET).isEmpty() ? null : get(PRESET));
        s.setEvalSample(get(EVAL_SAMPLE).isEmpty() ? null : Integer.valueOf(get(EVAL_SAMPLE)));
        s.setHoldout(get(HOLDOUT).isEmpty() ? null : Double.valueOf(get(HOLDOUT)));
        s.setSplitSeed(get(SPLIT_SEED).isEmpty() ? null : Long.valueOf(get(SPLIT_SEED)));
        s.setEpochs(Integer.parseInt(get(EPOCHS)));
        s.setMaxSteps(get(MAX_STEPS).isEmpty() ? null : Integer.valueOf(get(MAX_STEPS)));
        s.setBatchSize(Integer.parseInt(get(BATCH_SIZE)));
        s.setGradientAccumulation(Integer.parseInt(get(GRADIENT_ACCUMULATION)));
        s.setMaxSequenceLength(Integer.parseInt(get(MAX_SEQUENCE_LENGTH)));
        s.setSeed(Long.parseLong(get(SEED)));
        s.setDevice(get(DEVICE));
        s.setPrecision(get(PRECISION));
        s.setCheckpointEvery(Integer.parseInt(get(CHECKPOINT_EVERY)));
        s.setEvalMaxNewTokens(Integer.parseInt(get(EVAL_MAX_NEW_TOKENS)));
        if (!evaluateOnly()) { // training settings: an evaluation of the base model neither checks nor uses them
            s.setCounterfactualAttributes(get(COUNTERFACTUAL_ATTRIBUTES).isEmpty() ? null
                    : attributeSet(get(COUNTERFACTUAL_ATTRIBUTES)));
            s.setCounterfactualAugment(Boolean.parseBoolean(get(COUNTERFACTUAL_AUGMENT)));
            // with lambdas every run of the sweep gets its own weight (Sweep), whatever the field holds
            s.setConsistencyWeight(lambdas().isEmpty() ? Double.parseDouble(get(CONSISTENCY_WEIGHT)) : 0);
            s.setMixture(mixture());
            s.setMixtureSize(get(MIXTURE_SIZE).isEmpty() ? null : Integer.valueOf(get(MIXTURE_SIZE)));
        }
        return s;
    }
}
