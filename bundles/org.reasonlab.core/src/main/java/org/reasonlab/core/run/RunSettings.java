package org.reasonlab.core.run;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reasonlab.core.counterfactual.BuiltinAttributeSets;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.training.MixtureSource;
import org.reasonlab.core.training.MixtureText;

/**
 * The settings of a run as text, as a form or a command line holds them, and the one check of them: every limit
 * of every {@link RunSetting} is here. {@link #check} looks at the values; {@link #checkOnDisk} also at the files
 * they name (the dataset, the model folder, the Java runtime, libtorch). {@link RunSpec#validate()}, the launch
 * dialog and the Training preferences all ask this class.
 */
public final class RunSettings {
    public static final int MAX_LORA_R = 1024;
    public static final int MAX_LORA_ALPHA = 4 * MAX_LORA_R;
    public static final double MAX_LEARNING_RATE = 1;
    public static final int MAX_EPOCHS = 10_000;
    public static final int MAX_BATCH_SIZE = 4096;
    public static final int MIN_SEQUENCE_LENGTH = 8;
    public static final int MAX_SEQUENCE_LENGTH = 131_072;
    public static final int MAX_NEW_TOKENS = 8192;
    public static final double MAX_HOLDOUT = 0.9;
    public static final double MAX_CONSISTENCY_WEIGHT = 100;
    public static final double MAX_WEIGHT_DECAY = 10;
    public static final long MIN_HEAP_MB = 256;

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern HEAP_SIZE = Pattern.compile("(\\d+)([mMgG])");
    private static final List<String> BOOLEANS = List.of("true", "false");

    private final Map<RunSetting, String> texts = new EnumMap<>(RunSetting.class);

    private RunSettings(Map<RunSetting, String> texts) {
        this.texts.putAll(texts);
    }

    /** Settings from texts; a setting that is missing is not checked. */
    public static RunSettings of(Map<RunSetting, String> texts) {
        return new RunSettings(texts);
    }

    /** Every field of a spec as text (runtime settings are not part of a spec and stay unchecked). */
    public static RunSettings of(RunSpec spec) {
        Map<RunSetting, String> t = new EnumMap<>(RunSetting.class);
        t.put(RunSetting.RUN_ID, nz(spec.runId()));
        t.put(RunSetting.DATASET, nz(spec.dataset()));
        t.put(RunSetting.TRAIN_SPLIT, nz(spec.trainSplit()));
        t.put(RunSetting.EVAL_SPLIT, nz(spec.evalSplit()));
        t.put(RunSetting.MODE, spec.mode() == null ? "" : spec.mode().id());
        t.put(RunSetting.TEMPLATE_PROMPT, spec.hasOwnTemplate() ? spec.template().promptText() : "");
        t.put(RunSetting.TEMPLATE_ANSWER, spec.hasOwnTemplate() ? spec.template().answerText() : "");
        t.put(RunSetting.MODEL, nz(spec.model()));
        t.put(RunSetting.TUNING, nz(spec.tuning()));
        t.put(RunSetting.LORA_R, Integer.toString(spec.loraR()));
        t.put(RunSetting.LORA_ALPHA, Integer.toString(spec.loraAlpha()));
        t.put(RunSetting.LORA_DROPOUT, Double.toString(spec.loraDropout()));
        t.put(RunSetting.LORA_TARGET_MODULES, spec.loraTargetModules() == null ? ""
                : spec.loraTargetModules().stream().anyMatch(m -> m == null || m.isBlank()) ? ","
                : String.join(", ", spec.loraTargetModules()));
        t.put(RunSetting.LEARNING_RATE, Double.toString(spec.learningRate()));
        t.put(RunSetting.EPOCHS, Integer.toString(spec.epochs()));
        t.put(RunSetting.MAX_STEPS, spec.maxSteps() == null ? "" : Integer.toString(spec.maxSteps()));
        t.put(RunSetting.BATCH_SIZE, Integer.toString(spec.batchSize()));
        t.put(RunSetting.GRADIENT_ACCUMULATION, Integer.toString(spec.gradientAccumulation()));
        t.put(RunSetting.WARMUP_STEPS, Integer.toString(spec.warmupSteps()));
        t.put(RunSetting.WARMUP_RATIO, spec.warmupRatio() == null ? "" : Double.toString(spec.warmupRatio()));
        t.put(RunSetting.CHECKPOINT_EVERY, Integer.toString(spec.checkpointEvery()));
        t.put(RunSetting.WEIGHT_DECAY, Double.toString(spec.weightDecay()));
        t.put(RunSetting.SCHEDULE, nz(spec.schedule()));
        t.put(RunSetting.SEED, Long.toString(spec.seed()));
        t.put(RunSetting.GRADIENT_CLIPPING, Double.toString(spec.gradientClipping()));
        t.put(RunSetting.MAX_SEQUENCE_LENGTH, Integer.toString(spec.maxSequenceLength()));
        t.put(RunSetting.EVAL_MAX_NEW_TOKENS, Integer.toString(spec.evalMaxNewTokens()));
        t.put(RunSetting.EVAL_SAMPLE, spec.evalSample() == null ? "" : Integer.toString(spec.evalSample()));
        t.put(RunSetting.PRESET, nz(spec.preset()));
        t.put(RunSetting.HOLDOUT, spec.holdout() == null ? "" : Double.toString(spec.holdout()));
        t.put(RunSetting.SPLIT_SEED, spec.splitSeed() == null ? "" : Long.toString(spec.splitSeed()));
        t.put(RunSetting.COUNTERFACTUAL_ATTRIBUTES, nz(spec.counterfactualAttributes()));
        t.put(RunSetting.COUNTERFACTUAL_AUGMENT, Boolean.toString(spec.counterfactualAugment()));
        t.put(RunSetting.CONSISTENCY_WEIGHT, Double.toString(spec.consistencyWeight()));
        t.put(RunSetting.MIXTURE, MixtureText.format(spec.mixture()));
        t.put(RunSetting.MIXTURE_SIZE, spec.mixtureSize() == null ? "" : Integer.toString(spec.mixtureSize()));
        t.put(RunSetting.PRECISION, nz(spec.precision()));
        t.put(RunSetting.DEVICE, nz(spec.device()));
        return new RunSettings(t);
    }

    /** The setting's text, stripped; empty when missing. */
    public String text(RunSetting setting) {
        String t = texts.get(setting);
        return t == null ? "" : t.strip();
    }

    /** The setting's text as given (templates keep their spaces and line breaks); empty when missing. */
    public String raw(RunSetting setting) {
        String t = texts.get(setting);
        return t == null ? "" : t;
    }

    /** The LoRA target modules named: split at commas and white space. */
    public List<String> loraTargets() {
        return Arrays.stream(text(RunSetting.LORA_TARGET_MODULES).split("[,\\s]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** The heap in megabytes, -1 when it is not a size such as {@code 8g} or {@code 4096m}. */
    public long heapMegabytes() {
        Matcher m = HEAP_SIZE.matcher(text(RunSetting.HEAP));
        if (!m.matches()) {
            return -1;
        }
        try {
            long n = Long.parseLong(m.group(1));
            return m.group(2).equalsIgnoreCase("g") ? Math.multiplyExact(n, 1024) : n;
        } catch (NumberFormatException | ArithmeticException e) {
            return -1;
        }
    }

    /**
     * What is wrong with the values, in {@link RunSetting} order, without looking at any file.
     *
     * @param training whether the run trains; an evaluation of the base model ignores the training-only settings
     */
    public List<SettingProblem> check(boolean training) {
        return problems(training, EnumSet.allOf(RunSetting.class), false);
    }

    /**
     * {@link #check}, and for the settings that name files, whether the files are there: the dataset (a
     * {@code .jsonl} or {@code .csv} file), the model folder (Hugging Face layout, unless {@code tiny}), the Java
     * runtime ({@code bin/java}), the DJL cache (not a file) and libtorch (its library).
     */
    public List<SettingProblem> checkOnDisk(boolean training) {
        return checkOnDisk(training, EnumSet.allOf(RunSetting.class));
    }

    /** {@link #checkOnDisk(boolean)} of some settings only (a form's page); the others still count as conditions. */
    public List<SettingProblem> checkOnDisk(boolean training, Set<RunSetting> settings) {
        return problems(training, settings, true);
    }

    private List<SettingProblem> problems(boolean training, Set<RunSetting> settings, boolean onDisk) {
        List<SettingProblem> problems = new ArrayList<>();
        boolean lora = RunSpec.TUNING_LORA.equals(text(RunSetting.TUNING));
        for (RunSetting s : texts.keySet()) {
            if (!settings.contains(s) || s.trainingOnly() && !training || s.loraOnly() && !lora) {
                continue;
            }
            SettingProblem p = checkValue(s);
            if (p == null && onDisk) {
                p = checkFile(s);
            }
            if (p != null) {
                problems.add(p);
            }
        }
        return problems;
    }

    /** What is wrong with one setting's value on its own (whatever the other settings), or null. */
    public SettingProblem problemOf(RunSetting setting) {
        return checkValue(setting);
    }

    private SettingProblem checkValue(RunSetting s) {
        String v = text(s);
        return switch (s) {
            case RUN_ID -> v.isEmpty() ? problem(s, "Run id must not be empty.", "must not be empty")
                    : RUN_ID.matcher(v).matches() ? null
                    : problem(s, "Run id must be letters, digits, '.', '_' or '-' (it names a folder).",
                            "must be letters, digits, '.', '_' or '-' (it names a folder)");
            case DATASET -> v.isEmpty() ? problem(s, "Choose the dataset file (.jsonl or .csv).", "must not be empty")
                    : null;
            case TRAIN_SPLIT -> Split.parse(v).isPresent() ? null
                    : problem(s, s.label() + " must be train, validation or test.", "must be train, validation or test");
            case EVAL_SPLIT -> Split.parse(v).isEmpty()
                    ? problem(s, s.label() + " must be train, validation or test.", "must be train, validation or test")
                    : text(RunSetting.HOLDOUT).isEmpty() && Split.parse(v).equals(Split.parse(text(RunSetting.TRAIN_SPLIT)))
                    ? problem(s, "Evaluation split must differ from the train split: scores on training records say"
                            + " nothing (or hold out a share of the training records).",
                            "must differ from trainSplit (or set holdout)")
                    : null;
            case MODE -> TrainingMode.parse(v).isPresent() ? null
                    : problem(s, "Mode must be L, L+R or R->L.", "must be one of l, l+r, r->l");
            case TEMPLATE_PROMPT -> null; // checked with the answer
            case TEMPLATE_ANSWER -> templateProblem();
            case MODEL -> v.isEmpty() ? new SettingProblem(s,
                    "Choose a model: a local Hugging Face model folder, or the tiny preset.",
                    "model must be a path or \"" + RunSpec.TINY_MODEL + "\"") : null;
            case TUNING -> RunSpec.TUNINGS.contains(v) ? null
                    : problem(s, "Tuning must be LoRA or full.", "must be lora or full");
            case LORA_R -> intProblem(s, 1, MAX_LORA_R);
            case LORA_ALPHA -> intProblem(s, 1, MAX_LORA_ALPHA);
            case LORA_DROPOUT -> numberProblem(s, 0, true, 1, false, "from 0 up to (not including) 1", "0.1");
            case LORA_TARGET_MODULES -> loraTargets().isEmpty()
                    ? new SettingProblem(s, "LoRA target modules: name at least one module, e.g. q_proj, v_proj.",
                            "loraTargetModules must name at least one module, none blank")
                    : null;
            case LEARNING_RATE -> numberProblem(s, 0, false, MAX_LEARNING_RATE, true, "above 0 and at most 1", "2e-4");
            case EPOCHS -> intProblem(s, 1, MAX_EPOCHS);
            case MAX_STEPS -> v.isEmpty() ? null : intProblem(s, 1, Integer.MAX_VALUE);
            case BATCH_SIZE, GRADIENT_ACCUMULATION -> intProblem(s, 1, MAX_BATCH_SIZE);
            case WARMUP_STEPS, CHECKPOINT_EVERY -> intProblem(s, 0, Integer.MAX_VALUE);
            case WARMUP_RATIO -> v.isEmpty() ? null : warmupRatioProblem();
            case WEIGHT_DECAY -> numberProblem(s, 0, true, MAX_WEIGHT_DECAY, true, "from 0 to 10", "0.0");
            case SCHEDULE -> RunSpec.SCHEDULES.contains(v) ? null
                    : problem(s, "Schedule must be constant, linear or cosine.", "must be constant, linear or cosine");
            case SEED -> isLong(v) ? null : problem(s, "Seed must be a whole number, e.g. 42.", "must be a whole number");
            case GRADIENT_CLIPPING -> numberProblem(s, 0, true, Double.POSITIVE_INFINITY, false,
                    "of at least 0 (0 turns clipping off)", "1.0");
            case MAX_SEQUENCE_LENGTH -> intProblem(s, MIN_SEQUENCE_LENGTH, MAX_SEQUENCE_LENGTH);
            case EVAL_MAX_NEW_TOKENS -> intProblem(s, 0, MAX_NEW_TOKENS);
            case HOLDOUT -> v.isEmpty() ? null
                    : numberProblem(s, 0, false, MAX_HOLDOUT, true, "above 0 and at most 0.9 (empty: the dataset's splits)",
                            "0.1");
            case SPLIT_SEED -> v.isEmpty() || isLong(v) ? null
                    : problem(s, "Split seed must be a whole number, or empty for the run's seed.",
                            "must be a whole number");
            case EVAL_SAMPLE -> v.isEmpty() ? null : intProblem(s, 1, Integer.MAX_VALUE);
            case PRESET -> v.isEmpty() || RunPreset.of(v).isPresent() ? null
                    : problem(s, "Preset must be one of " + String.join(", ", RunPreset.ids()) + ", or none.",
                            "must be one of " + String.join(", ", RunPreset.ids()));
            case COUNTERFACTUAL_ATTRIBUTES -> counterfactualProblem();
            case COUNTERFACTUAL_AUGMENT -> BOOLEANS.contains(v.toLowerCase(Locale.ROOT)) ? null
                    : problem(s, "Counterfactual augmentation must be true or false.", "must be true or false");
            case CONSISTENCY_WEIGHT -> numberProblem(s, 0, true, MAX_CONSISTENCY_WEIGHT, true,
                    "from 0 (off) to " + (int) MAX_CONSISTENCY_WEIGHT, "1.0");
            case MIXTURE -> mixtureProblem();
            case MIXTURE_SIZE -> v.isEmpty() ? null : intProblem(s, 1, Integer.MAX_VALUE);
            case PRECISION -> RunSpec.PRECISIONS.contains(v) ? null
                    : problem(s, "Precision must be auto, fp32 or bf16.", "must be auto, fp32 or bf16");
            case DEVICE -> RunSpec.DEVICES.contains(v) ? null
                    : problem(s, "Device must be auto, cpu or gpu.", "must be auto, cpu or gpu");
            case JAVA_HOME, LIBTORCH_PATH -> v.isEmpty() || path(v) != null ? null
                    : problem(s, s.label() + " is not a path: " + v, "must be a path");
            case HEAP -> heapMegabytes() >= MIN_HEAP_MB ? null
                    : problem(s, "Heap must be a size such as 8g or 4096m, at least 256m.",
                            "must be a size such as 8g or 4096m, at least 256m");
            case OFFLINE -> BOOLEANS.contains(v.toLowerCase(Locale.ROOT)) ? null
                    : problem(s, "Offline mode must be true or false.", "must be true or false");
            case DJL_CACHE -> {
                Path dir = path(v);
                yield v.isEmpty() || dir != null && dir.isAbsolute() ? null
                        : problem(s, "DJL cache folder must be an absolute path (or empty for DJL's default, ~/.djl.ai).",
                                "must be an absolute path");
            }
        };
    }

    /** A known attribute set (a file's contents are checked when training starts) that augmentation or consistency uses. */
    private SettingProblem counterfactualProblem() {
        RunSetting s = RunSetting.COUNTERFACTUAL_ATTRIBUTES;
        String v = text(s);
        boolean used = "true".equalsIgnoreCase(text(RunSetting.COUNTERFACTUAL_AUGMENT))
                || isPositive(text(RunSetting.CONSISTENCY_WEIGHT));
        if (v.isEmpty()) {
            return used ? problem(s, "Counterfactual training needs an attribute set, e.g. builtin:gender.",
                    "must name an attribute set (builtin:gender or a file) for counterfactualAugment or"
                            + " consistencyWeight") : null;
        }
        if (v.startsWith(BuiltinAttributeSets.PREFIX)
                && !BuiltinAttributeSets.names().contains(v.substring(BuiltinAttributeSets.PREFIX.length()))) {
            return problem(s, "Counterfactual attributes: no built-in set " + v + "; there are "
                    + String.join(", ", BuiltinAttributeSets.names()) + ".",
                    "must be builtin:" + String.join("|builtin:", BuiltinAttributeSets.names()) + " or a file");
        }
        return used ? null : problem(s, "Counterfactual attributes are set, but neither augmentation nor a consistency"
                + " weight above 0 uses them.", "is set, but neither counterfactualAugment nor consistencyWeight uses it");
    }

    private SettingProblem mixtureProblem() {
        try {
            MixtureText.parse(raw(RunSetting.MIXTURE));
            return null;
        } catch (IllegalArgumentException e) {
            return problem(RunSetting.MIXTURE, "Mixture: " + e.getMessage() + ".", e.getMessage());
        }
    }

    private SettingProblem mixtureFilesProblem() {
        for (MixtureSource source : MixtureText.parse(raw(RunSetting.MIXTURE))) {
            Path p = source.isSelf() ? null : path(source.dataset());
            if (!source.isSelf() && (p == null || !Files.isRegularFile(p))) {
                return problem(RunSetting.MIXTURE, "Mixture: dataset file not found: " + source.dataset(),
                        "dataset file not found: " + source.dataset());
            }
            String mask = source.maskAttributes();
            if (mask != null && !mask.startsWith(BuiltinAttributeSets.PREFIX)
                    && (path(mask) == null || !Files.isRegularFile(path(mask)))) {
                return problem(RunSetting.MIXTURE, "Mixture: attribute set file not found: " + mask,
                        "attribute set file not found: " + mask);
            }
        }
        return null;
    }

    private static boolean isPositive(String v) {
        try {
            return Double.parseDouble(v) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A share from 0 up to (not including) 1, and not beside warm-up steps: the warm-up is one or the other. */
    private SettingProblem warmupRatioProblem() {
        RunSetting s = RunSetting.WARMUP_RATIO;
        SettingProblem range = numberProblem(s, 0, true, 1, false, "from 0 up to (not including) 1", "0.03");
        if (range != null) {
            return range;
        }
        String steps = text(RunSetting.WARMUP_STEPS);
        return steps.isEmpty() || steps.equals("0") ? null
                : problem(s, "Give the warm-up in steps or as a ratio, not both (warm-up steps " + steps + ").",
                        "must not be set beside warmupSteps " + steps);
    }

    private SettingProblem templateProblem() {
        String prompt = raw(RunSetting.TEMPLATE_PROMPT);
        String answer = raw(RunSetting.TEMPLATE_ANSWER);
        if (prompt.isBlank() && answer.isBlank()) {
            return null; // the mode's default, which fits it
        }
        if (prompt.isBlank() || answer.isBlank()) {
            return template("give both the prompt and the answer, or leave both empty for the mode's default.",
                    "needs both a prompt and an answer");
        }
        PromptTemplate t;
        try {
            t = new PromptTemplate(prompt, answer);
        } catch (IllegalArgumentException e) {
            return template(e.getMessage(), e.getMessage());
        }
        TrainingMode mode = TrainingMode.parse(text(RunSetting.MODE)).orElse(null);
        if (mode == null) {
            return null;
        }
        if (t.usesReason() != mode.needsReason()) {
            String why = "answer " + (mode.needsReason() ? "must" : "must not") + " contain {reason} in mode " + mode.id();
            return template(why, why);
        }
        if (t.reasonFirst() != (mode == TrainingMode.R_THEN_L)) {
            String why = "answer must put {reason} " + (mode == TrainingMode.R_THEN_L ? "before" : "after")
                    + " {label} in mode " + mode.id();
            return template(why, why);
        }
        return null;
    }

    private static SettingProblem template(String why, String fieldWhy) {
        return new SettingProblem(RunSetting.TEMPLATE_ANSWER, "Template: " + why, "template " + fieldWhy);
    }

    private SettingProblem checkFile(RunSetting s) {
        if (s == RunSetting.MIXTURE) {
            return mixtureFilesProblem();
        }
        String v = text(s);
        Path p = v.isEmpty() ? null : path(v);
        if (p == null) {
            return null;
        }
        return switch (s) {
            case DATASET -> !Files.exists(p) ? problem(s, "Dataset file not found: " + v, "file not found: " + v)
                    : !Files.isRegularFile(p) ? problem(s, "The dataset must be a file, not a folder: " + v,
                            "must be a file, not a folder: " + v)
                    : DatasetFormat.fromFileName(p).isEmpty()
                            ? problem(s, p.getFileName() + " is not a dataset: choose a .jsonl or .csv file.",
                                    "must be a .jsonl or .csv file: " + v)
                    : null;
            case MODEL -> RunSpec.TINY_MODEL.equals(v) ? null : modelFolderProblem(p, v);
            case JAVA_HOME -> !Files.isDirectory(p) ? problem(s, "Java runtime folder not found: " + v, "folder not found: " + v)
                    : !Files.isRegularFile(javaExecutable(p)) ? problem(s, "No Java runtime in " + v
                            + ": bin/java is missing (choose the runtime's home folder).", "has no bin/java: " + v)
                    : null;
            case COUNTERFACTUAL_ATTRIBUTES -> v.startsWith(BuiltinAttributeSets.PREFIX) || Files.isRegularFile(p) ? null
                    : problem(s, "Attribute set file not found: " + v, "file not found: " + v);
            case DJL_CACHE -> Files.exists(p) && !Files.isDirectory(p)
                    ? problem(s, "DJL cache folder is a file: " + v, "is a file: " + v) : null;
            case LIBTORCH_PATH -> !Files.isDirectory(p) ? problem(s, "libtorch folder not found: " + v, "folder not found: " + v)
                    : !hasLibtorch(p) ? problem(s, "No libtorch library in " + v
                            + ": choose the lib folder of libtorch 2.7.1 (with libtorch.so).", "has no libtorch library: " + v)
                    : null;
            default -> null;
        };
    }

    private static SettingProblem modelFolderProblem(Path dir, String v) {
        RunSetting s = RunSetting.MODEL;
        if (!Files.isDirectory(dir)) {
            return problem(s, "Model folder not found: " + v, "folder not found: " + v);
        }
        if (!Files.isRegularFile(dir.resolve("config.json"))) {
            return problem(s, "The model folder has no config.json, so it is not a Hugging Face model folder: " + v,
                    "has no config.json: " + v);
        }
        if (!Files.isRegularFile(dir.resolve("tokenizer.json"))) {
            return problem(s, "The model folder has no tokenizer.json: " + v, "has no tokenizer.json: " + v);
        }
        if (!Files.isRegularFile(dir.resolve("model.safetensors"))
                && !Files.isRegularFile(dir.resolve("model.safetensors.index.json"))) {
            return problem(s, "The model folder has no weights (model.safetensors, or model.safetensors.index.json"
                    + " with its shards): " + v, "has no weights: " + v);
        }
        return null;
    }

    /** A whole number from min to max; the field form names the bound that is crossed. */
    private SettingProblem intProblem(RunSetting s, int min, int max) {
        String v = text(s);
        String range = max == Integer.MAX_VALUE ? " of at least " + min : " from " + min + " to " + max;
        try {
            int n = Integer.parseInt(v);
            if (n < min) {
                return problem(s, s.label() + " must be a whole number" + range + ", not " + n + ".", lowerBound(min, true));
            }
            if (n > max) {
                return problem(s, s.label() + " must be a whole number" + range + ", not " + n + ".", "must be at most " + max);
            }
            return null;
        } catch (NumberFormatException e) {
            return problem(s, s.label() + " must be a whole number" + range + (v.isEmpty() ? "." : ", not '" + v + "'."),
                    "must be a whole number");
        }
    }

    /** A finite number in a range; the field form names the bound that is crossed. */
    private SettingProblem numberProblem(RunSetting s, double min, boolean minIncluded, double max, boolean maxIncluded,
            String range, String example) {
        String sentence = s.label() + " must be a number " + range + ", e.g. " + example + ".";
        double d;
        try {
            d = Double.parseDouble(text(s));
        } catch (NumberFormatException e) {
            return problem(s, sentence, "must be a number");
        }
        if (Double.isNaN(d) || (minIncluded ? d < min : d <= min)) {
            return problem(s, sentence, lowerBound(min, minIncluded));
        }
        if (Double.isInfinite(d) || (maxIncluded ? d > max : d >= max)) {
            return problem(s, sentence, Double.isInfinite(max) ? "must be finite"
                    : (maxIncluded ? "must be at most " : "must be below ") + number(max));
        }
        return null;
    }

    private static String lowerBound(double min, boolean included) {
        if (min == 0) {
            return included ? "must not be negative" : "must be positive";
        }
        if (min == 1 && included) {
            return "must be positive";
        }
        return (included ? "must be at least " : "must be above ") + number(min);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static SettingProblem problem(RunSetting s, String message, String fieldWhy) {
        return new SettingProblem(s, message, s.id() + " " + fieldWhy);
    }

    private static boolean isLong(String v) {
        try {
            Long.parseLong(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The text as a path, null when it is none. */
    public static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** {@code bin/java} (or {@code bin\java.exe}) of a Java home. */
    public static Path javaExecutable(Path home) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("win");
        return home.resolve("bin").resolve(windows ? "java.exe" : "java");
    }

    /** Whether the folder holds a libtorch library. */
    public static boolean hasLibtorch(Path dir) {
        return Files.isRegularFile(dir.resolve("libtorch.so")) || Files.isRegularFile(dir.resolve("libtorch.dylib"))
                || Files.isRegularFile(dir.resolve("torch.dll"));
    }
}
