package org.reasonlab.ui.launch;

import static org.reasonlab.ui.launch.LaunchAttributes.*;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunSpec;

/**
 * The values of a fine-tune launch configuration with the defaults filled in, their validation
 * (one method per tab, each returning the first problem as a sentence for the dialog, or null) and
 * what they turn into: the {@link RunSpec}, the run folder and the dataset file.
 */
public final class LaunchSettings {
    public static final int MAX_LORA_R = 1024;
    private static final Pattern HEAP_SIZE = Pattern.compile("(\\d+)([mMgG])");

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
        d.put(LEARNING_RATE, TrainingPreferences.get(TrainingPreferences.LEARNING_RATE));
        d.put(EPOCHS, TrainingPreferences.get(TrainingPreferences.EPOCHS));
        d.put(MAX_STEPS, "");
        d.put(BATCH_SIZE, TrainingPreferences.get(TrainingPreferences.BATCH_SIZE));
        d.put(GRADIENT_ACCUMULATION, Integer.toString(spec.gradientAccumulation()));
        d.put(MAX_SEQUENCE_LENGTH, Integer.toString(spec.maxSequenceLength()));
        d.put(WEIGHT_DECAY, Double.toString(spec.weightDecay()));
        d.put(SCHEDULE, spec.schedule());
        d.put(WARMUP_STEPS, Integer.toString(spec.warmupSteps()));
        d.put(SEED, Long.toString(spec.seed()));
        d.put(CHECKPOINT_EVERY, Integer.toString(spec.checkpointEvery()));
        d.put(PRECISION, spec.precision());
        d.put(EVAL_MAX_NEW_TOKENS, Integer.toString(spec.evalMaxNewTokens()));
        d.put(RUN_DIR, "");
        d.put(JAVA_HOME, "");
        d.put(HEAP, TrainingPreferences.get(TrainingPreferences.HEAP));
        d.put(DEVICE, TrainingPreferences.get(TrainingPreferences.DEVICE));
        d.put(DJL_CACHE, TrainingPreferences.get(TrainingPreferences.DJL_CACHE));
        d.put(OFFLINE, TrainingPreferences.get(TrainingPreferences.OFFLINE));
        d.put(LIBTORCH_PATH, TrainingPreferences.get(TrainingPreferences.LIBTORCH_PATH));
        return d;
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

    /** The first problem of any tab, or null. */
    public String firstProblem() {
        for (String p : new String[] { dataProblem(), modelProblem(), trainingProblem(), runtimeProblem() }) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    public String dataProblem() {
        String dataset = get(DATASET);
        if (dataset.isEmpty()) {
            return "Choose the dataset file (.jsonl or .csv).";
        }
        Path file = datasetFile();
        if (file == null || !Files.exists(file)) {
            return "Dataset file not found: " + dataset;
        }
        if (!Files.isRegularFile(file)) {
            return "The dataset must be a file, not a folder: " + dataset;
        }
        if (DatasetFormat.fromFileName(file).isEmpty()) {
            return file.getFileName() + " is not a dataset: choose a .jsonl or .csv file.";
        }
        if (!ACTION_TRAIN.equals(get(ACTION)) && !ACTION_EVALUATE.equals(get(ACTION))) {
            return "Unknown action '" + get(ACTION) + "': use train or evaluate.";
        }
        if (Split.parse(get(TRAIN_SPLIT)).isEmpty()) {
            return "Train split must be train, validation or test.";
        }
        if (Split.parse(get(EVAL_SPLIT)).isEmpty()) {
            return "Evaluation split must be train, validation or test.";
        }
        if (TrainingMode.parse(get(MODE)).isEmpty()) {
            return "Mode must be L, L+R or R->L.";
        }
        boolean hasPrompt = !raw(TEMPLATE_PROMPT).isBlank();
        boolean hasAnswer = !raw(TEMPLATE_ANSWER).isBlank();
        if (hasPrompt != hasAnswer) {
            return "Template: give both the prompt and the answer, or leave both empty for the mode's default.";
        }
        if (hasPrompt) {
            try {
                RunSpec spec = new RunSpec();
                spec.setMode(TrainingMode.parse(get(MODE)).orElseThrow());
                spec.setTemplate(new PromptTemplate(raw(TEMPLATE_PROMPT), raw(TEMPLATE_ANSWER)));
                for (String p : spec.validate()) {
                    if (p.startsWith("template")) {
                        return "Template: " + p.substring("template".length()).strip();
                    }
                }
            } catch (IllegalArgumentException e) {
                return "Template: " + e.getMessage();
            }
        }
        return null;
    }

    public String modelProblem() {
        String model = get(MODEL);
        if (model.isEmpty()) {
            return "Choose a model: a local Hugging Face model folder, or the tiny preset.";
        }
        if (!RunSpec.TINY_MODEL.equals(model)) {
            Path dir = path(model);
            if (dir == null || !Files.isDirectory(dir)) {
                return "Model folder not found: " + model;
            }
            if (!Files.isRegularFile(dir.resolve("config.json"))) {
                return "The model folder has no config.json, so it is not a Hugging Face model folder: " + model;
            }
            if (!Files.isRegularFile(dir.resolve("tokenizer.json"))) {
                return "The model folder has no tokenizer.json: " + model;
            }
            if (!Files.isRegularFile(dir.resolve("model.safetensors"))
                    && !Files.isRegularFile(dir.resolve("model.safetensors.index.json"))) {
                return "The model folder has no weights (model.safetensors, or model.safetensors.index.json with its shards): "
                        + model;
            }
        }
        if (evaluateOnly()) {
            return null;
        }
        String tuning = get(TUNING);
        if (!RunSpec.TUNINGS.contains(tuning)) {
            return "Tuning must be LoRA or full.";
        }
        if (RunSpec.TUNING_LORA.equals(tuning)) {
            String p = intProblem(LORA_R, "LoRA r", 1, MAX_LORA_R);
            if (p == null) {
                p = intProblem(LORA_ALPHA, "LoRA alpha", 1, 4 * MAX_LORA_R);
            }
            if (p == null) {
                Double d = parseDouble(get(LORA_DROPOUT));
                if (d == null || !(d >= 0 && d < 1)) {
                    p = "LoRA dropout must be a number from 0 up to (not including) 1, e.g. 0.1.";
                }
            }
            if (p == null && loraTargets().isEmpty()) {
                p = "LoRA target modules: name at least one module, e.g. q_proj, v_proj.";
            }
            return p;
        }
        return null;
    }

    public String trainingProblem() {
        String p;
        if (!evaluateOnly()) {
            Double lr = parseDouble(get(LEARNING_RATE));
            if (lr == null || !(lr > 0 && lr <= 1)) {
                return "Learning rate must be a number above 0 and at most 1, e.g. 2e-4.";
            }
            if ((p = intProblem(EPOCHS, "Epochs", 1, 10_000)) != null
                    || (!get(MAX_STEPS).isEmpty() && (p = intProblem(MAX_STEPS, "Max steps (or leave it empty)", 1,
                            Integer.MAX_VALUE)) != null)
                    || (p = intProblem(BATCH_SIZE, "Batch size", 1, 4096)) != null
                    || (p = intProblem(GRADIENT_ACCUMULATION, "Gradient accumulation", 1, 4096)) != null
                    || (p = intProblem(WARMUP_STEPS, "Warm-up steps", 0, Integer.MAX_VALUE)) != null
                    || (p = intProblem(CHECKPOINT_EVERY, "Checkpoint every (0 = only at the end)", 0,
                            Integer.MAX_VALUE)) != null) {
                return p;
            }
            Double wd = parseDouble(get(WEIGHT_DECAY));
            if (wd == null || !(wd >= 0 && wd <= 10)) {
                return "Weight decay must be a number from 0 to 10, e.g. 0.0.";
            }
            if (!RunSpec.SCHEDULES.contains(get(SCHEDULE))) {
                return "Schedule must be constant, linear or cosine.";
            }
            try {
                Long.parseLong(get(SEED));
            } catch (NumberFormatException e) {
                return "Seed must be a whole number, e.g. 42.";
            }
        }
        if ((p = intProblem(MAX_SEQUENCE_LENGTH, "Max sequence length", 8, 131_072)) != null
                || (p = intProblem(EVAL_MAX_NEW_TOKENS, "Evaluation max new tokens", 1, 8192)) != null) {
            return p;
        }
        if (!RunSpec.PRECISIONS.contains(get(PRECISION))) {
            return "Precision must be auto, fp32 or bf16.";
        }
        String runDir = get(RUN_DIR);
        if (!runDir.isEmpty()) {
            Path dir = path(runDir);
            if (dir == null || !dir.isAbsolute()) {
                return "Run folder must be an absolute path (or empty for runs/<name>-<time> next to the dataset).";
            }
            if (Files.isRegularFile(dir)) {
                return "Run folder is a file: " + runDir;
            }
        }
        return null;
    }

    public String runtimeProblem() {
        String javaHome = get(JAVA_HOME);
        if (!javaHome.isEmpty()) {
            Path home = path(javaHome);
            if (home == null || !Files.isDirectory(home)) {
                return "Java runtime folder not found: " + javaHome;
            }
            if (!Files.isRegularFile(javaExecutable(home))) {
                return "No Java runtime in " + javaHome + ": bin/java is missing (choose the runtime's home folder).";
            }
        }
        var heap = HEAP_SIZE.matcher(get(HEAP));
        if (!heap.matches() || heapMegabytes() < 256) {
            return "Heap must be a size such as 8g or 4096m, at least 256m.";
        }
        if (!RunSpec.DEVICES.contains(get(DEVICE))) {
            return "Device must be auto, cpu or gpu.";
        }
        String offline = get(OFFLINE).toLowerCase(Locale.ROOT);
        if (!offline.equals("true") && !offline.equals("false")) {
            return "Offline mode must be true or false.";
        }
        String cache = get(DJL_CACHE);
        if (!cache.isEmpty()) {
            Path dir = path(cache);
            if (dir == null || !dir.isAbsolute()) {
                return "DJL cache folder must be an absolute path (or empty for DJL's default, ~/.djl.ai).";
            }
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                return "DJL cache folder is a file: " + cache;
            }
        }
        String libtorch = get(LIBTORCH_PATH);
        if (!libtorch.isEmpty()) {
            Path dir = path(libtorch);
            if (dir == null || !Files.isDirectory(dir)) {
                return "libtorch folder not found: " + libtorch;
            }
            if (!hasLibtorch(dir)) {
                return "No libtorch library in " + libtorch
                        + ": choose the lib folder of libtorch 2.7.1 (with libtorch.so).";
            }
        }
        return null;
    }

    private String intProblem(String attribute, String label, int min, int max) {
        String text = get(attribute);
        String range = max == Integer.MAX_VALUE ? " of at least " + min : " from " + min + " to " + max;
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) {
                return label + " must be a whole number" + range + ", not " + v + ".";
            }
            return null;
        } catch (NumberFormatException e) {
            return label + " must be a whole number" + range + (text.isEmpty() ? "." : ", not '" + text + "'.");
        }
    }

    private static Double parseDouble(String text) {
        try {
            double d = Double.parseDouble(text);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    static boolean hasLibtorch(Path dir) {
        return Files.isRegularFile(dir.resolve("libtorch.so")) || Files.isRegularFile(dir.resolve("libtorch.dylib"))
                || Files.isRegularFile(dir.resolve("torch.dll"));
    }

    static Path javaExecutable(Path home) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("win");
        return home.resolve("bin").resolve(windows ? "java.exe" : "java");
    }

    // ---------------------------------------------------------------- derived values

    /** The dataset's workspace file, when the attribute is a workspace path of an existing file. */
    public IFile datasetWorkspaceFile() {
        String text = get(DATASET);
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

    /** The dataset on disk: the workspace file's location, or the text as a file system path. */
    public Path datasetFile() {
        IFile file = datasetWorkspaceFile();
        if (file != null && file.getLocation() != null) {
            return file.getLocation().toPath();
        }
        Path p = path(get(DATASET));
        return p == null ? null : p.toAbsolutePath();
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
            return path(get(RUN_DIR));
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
        return Arrays.stream(get(LORA_TARGETS).split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public long heapMegabytes() {
        var m = HEAP_SIZE.matcher(get(HEAP));
        if (!m.matches()) {
            return -1;
        }
        try {
            long n = Long.parseLong(m.group(1));
            return m.group(2).equalsIgnoreCase("g") ? n * 1024 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
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
        s.setMode(TrainingMode.parse(get(MODE)).orElseThrow());
        if (!raw(TEMPLATE_PROMPT).isBlank()) {
            s.setTemplate(new PromptTemplate(raw(TEMPLATE_PROMPT), raw(TEMPLATE_ANSWER)));
        }
        String model = get(MODEL);
        s.setModel(RunSpec.TINY_MODEL.equals(model) ? model : path(model).toAbsolutePath().toString());
        s.setTuning(get(TUNING));
        s.setLoraR(Integer.parseInt(get(LORA_R)));
        s.setLoraAlpha(Integer.parseInt(get(LORA_ALPHA)));
        s.setLoraDropout(Double.parseDouble(get(LORA_DROPOUT)));
        s.setLoraTargetModules(loraTargets());
        s.setLearningRate(Double.parseDouble(get(LEARNING_RATE)));
        s.setWeightDecay(Double.parseDouble(get(WEIGHT_DECAY)));
        s.setSchedule(get(SCHEDULE));
        s.setWarmupSteps(Integer.parseInt(get(WARMUP_STEPS)));
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
        return s;
    }
}
