package org.reasonlab.core.run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.reasonlab.core.model.Split;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.PromptTemplates;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.training.MixtureSource;

/**
 * Everything that defines a fine-tuning run, written as {@code spec.json} in its run directory
 * (see {@link RunSpecs} for the file, {@code docs/run-directory.md} for the fields). A new spec
 * holds ReasonLab's defaults; {@link RunPreset#DFAR_PAPER} sets the DFAR paper's set-up instead, and
 * {@link #preset()} records that it did. Mutable, with bean-style accessors for forms;
 * {@link #validate()} says what is wrong.
 */
public final class RunSpec {
    public static final String TINY_MODEL = "tiny";
    public static final String TUNING_LORA = "lora";
    public static final String TUNING_FULL = "full";
    public static final Set<String> TUNINGS = Set.of(TUNING_LORA, TUNING_FULL);
    public static final List<String> SCHEDULES = List.of("constant", "linear", "cosine");
    public static final List<String> DEVICES = List.of("auto", "cpu", "gpu");
    public static final List<String> PRECISIONS = List.of("auto", "fp32", "bf16");

    private String runId;
    private Instant created;
    private String dataset;
    private String trainSplit = Split.TRAIN.id();
    private String evalSplit = Split.TEST.id();
    private TrainingMode mode = TrainingMode.L_PLUS_R;
    private PromptTemplate template;
    private String model = TINY_MODEL;
    private String tuning = TUNING_LORA;
    private int loraR = 64;
    private int loraAlpha = 16;
    private double loraDropout = 0.1;
    private List<String> loraTargetModules = List.of("q_proj", "v_proj");
    private double learningRate = 2e-4;
    private double weightDecay = 0.0;
    private String schedule = "cosine";
    private int warmupSteps = 0;
    private Double warmupRatio;
    private int epochs = 3;
    private Integer maxSteps;
    private int batchSize = 4;
    private int gradientAccumulation = 1;
    private int maxSequenceLength = 512;
    private double gradientClipping = 1.0;
    private long seed = 42;
    private boolean lossOnPrompt = false;
    private String device = "auto";
    private String precision = "auto";
    private int checkpointEvery = 100;
    private int evalMaxNewTokens = 0;
    private Double holdout;
    private Long splitSeed;
    private Integer evalSample;
    private String preset;
    private String counterfactualAttributes;
    private boolean counterfactualAugment;
    private double consistencyWeight;
    private List<MixtureSource> mixture = List.of();
    private Integer mixtureSize;

    /** A spec with the defaults, no run id and no dataset yet. */
    public RunSpec() {
    }

    public RunSpec copy() {
        RunSpec copy = RunSpecs.fromJson(RunSpecs.toJson(this));
        copy.setTemplate(template);
        return copy;
    }

    /**
     * What is wrong with the spec, one message per problem, each starting with the field's name
     * (e.g. {@code "loraR must be positive"}); empty when the spec can run. The limits are
     * {@link RunSettings}'.
     */
    public List<String> validate() {
        return problems().stream().map(SettingProblem::fieldMessage).toList();
    }

    /** What is wrong with the spec, per setting (see {@link RunSettings#check}). */
    public List<SettingProblem> problems() {
        return RunSettings.of(this).check(true);
    }

    public String runId() { return runId; }
    public void setRunId(String runId) { this.runId = runId; }

    /** When the run was created; null until set. */
    public Instant created() { return created; }
    public void setCreated(Instant created) { this.created = created; }

    /** The dataset file, as a path the trainer can open (absolute, or relative to the run directory's parent). */
    public String dataset() { return dataset; }
    public void setDataset(String dataset) { this.dataset = dataset; }

    public String trainSplit() { return trainSplit; }
    public void setTrainSplit(String trainSplit) { this.trainSplit = trainSplit; }

    public String evalSplit() { return evalSplit; }
    public void setEvalSplit(String evalSplit) { this.evalSplit = evalSplit; }

    public TrainingMode mode() { return mode; }
    public void setMode(TrainingMode mode) { this.mode = mode; }

    /** The template set for this run, or the mode's default when none is. */
    public PromptTemplate template() {
        return template != null ? template : PromptTemplates.defaultFor(mode == null ? TrainingMode.L_PLUS_R : mode);
    }

    /** Whether a template was set, rather than following the mode's default. */
    public boolean hasOwnTemplate() { return template != null; }

    /** Sets the template; null follows the mode's default. */
    public void setTemplate(PromptTemplate template) { this.template = template; }

    /** A local model folder (Hugging Face layout) or {@value #TINY_MODEL}, a small model for trying things out. */
    public String model() { return model; }
    public void setModel(String model) { this.model = model; }

    /** {@value #TUNING_LORA} or {@value #TUNING_FULL}. */
    public String tuning() { return tuning; }
    public void setTuning(String tuning) { this.tuning = tuning; }

    public int loraR() { return loraR; }
    public void setLoraR(int loraR) { this.loraR = loraR; }

    public int loraAlpha() { return loraAlpha; }
    public void setLoraAlpha(int loraAlpha) { this.loraAlpha = loraAlpha; }

    public double loraDropout() { return loraDropout; }
    public void setLoraDropout(double loraDropout) { this.loraDropout = loraDropout; }

    public List<String> loraTargetModules() { return loraTargetModules; }
    public void setLoraTargetModules(List<String> modules) {
        this.loraTargetModules = modules == null ? List.of() : List.copyOf(modules);
    }

    public double learningRate() { return learningRate; }
    public void setLearningRate(double learningRate) { this.learningRate = learningRate; }

    public double weightDecay() { return weightDecay; }
    public void setWeightDecay(double weightDecay) { this.weightDecay = weightDecay; }

    /** {@code constant}, {@code linear} or {@code cosine} (decay after the warm-up). */
    public String schedule() { return schedule; }
    public void setSchedule(String schedule) { this.schedule = schedule; }

    public int warmupSteps() { return warmupSteps; }
    public void setWarmupSteps(int warmupSteps) { this.warmupSteps = warmupSteps; }

    /**
     * The warm-up as a share of the run's optimizer steps, as Hugging Face's {@code warmup_ratio}; null when the
     * warm-up is given in steps ({@link #warmupSteps()}).
     */
    public Double warmupRatio() { return warmupRatio; }
    public void setWarmupRatio(Double ratio) { this.warmupRatio = ratio; }

    /** The warm-up in optimizer steps of a run of {@code totalSteps}: ceil(ratio x total) when a ratio is set. */
    public long warmupStepsOf(long totalSteps) {
        return warmupRatio == null ? warmupSteps : (long) Math.ceil(warmupRatio * totalSteps);
    }

    public int epochs() { return epochs; }
    public void setEpochs(int epochs) { this.epochs = epochs; }

    /** Optimizer steps after which training stops even if epochs remain; null for no limit. */
    public Integer maxSteps() { return maxSteps; }
    public void setMaxSteps(Integer maxSteps) { this.maxSteps = maxSteps; }

    public int batchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }

    public int gradientAccumulation() { return gradientAccumulation; }
    public void setGradientAccumulation(int steps) { this.gradientAccumulation = steps; }

    /** Longest prompt plus answer in tokens; longer examples are truncated. */
    public int maxSequenceLength() { return maxSequenceLength; }
    public void setMaxSequenceLength(int tokens) { this.maxSequenceLength = tokens; }

    /** Maximum gradient norm; 0 turns clipping off. */
    public double gradientClipping() { return gradientClipping; }
    public void setGradientClipping(double maxNorm) { this.gradientClipping = maxNorm; }

    public long seed() { return seed; }
    public void setSeed(long seed) { this.seed = seed; }

    /** Whether the prompt's tokens count in the loss; by default only the answer's do. */
    public boolean lossOnPrompt() { return lossOnPrompt; }
    public void setLossOnPrompt(boolean lossOnPrompt) { this.lossOnPrompt = lossOnPrompt; }

    /** {@code auto} (a GPU if there is one), {@code cpu} or {@code gpu}. */
    public String device() { return device; }
    public void setDevice(String device) { this.device = device; }

    /**
     * {@code auto} (bf16 where the hardware multiplies bf16 natively: a CUDA GPU of compute capability 8.0
     * or newer, or for training a CPU with AVX512_BF16 or AMX; else fp32), {@code fp32} or
     * {@code bf16} (matrix products in bfloat16; weights that are trained, optimizer state and loss in fp32).
     */
    public String precision() { return precision; }
    public void setPrecision(String precision) { this.precision = precision; }

    /** Optimizer steps between checkpoints; 0 saves only at the end. */
    public int checkpointEvery() { return checkpointEvery; }
    public void setCheckpointEvery(int steps) { this.checkpointEvery = steps; }

    /**
     * Most tokens generated per evaluation answer; 0 (the default) derives it from the training answers
     * ({@link #deriveEvalMaxNewTokens}), and the trainer writes the derived value back into spec.json.
     */
    public int evalMaxNewTokens() { return evalMaxNewTokens; }
    public void setEvalMaxNewTokens(int tokens) { this.evalMaxNewTokens = tokens; }

    /**
     * The generation length for answers like the training answers: the longest tokenised training
     * answer (EOS included) plus a quarter of it, at least 8 tokens more, so that an answer the model
     * learnt is never cut before its end (an R-&gt;L verdict comes last). Generation reserves this room
     * in the sequence length and cuts the prompt to the rest, so the margin never takes room the longest
     * training prompt needs; the longest answer itself keeps its room, up to half the sequence length.
     *
     * @param longestAnswer tokens of the longest training answer, EOS included
     * @param longestPrompt tokens of the longest training prompt
     * @param maxSequenceLength the run's sequence length
     */
    public static int deriveEvalMaxNewTokens(int longestAnswer, int longestPrompt, int maxSequenceLength) {
        int wanted = longestAnswer + Math.max(8, longestAnswer / 4);
        int roomBesidePrompt = maxSequenceLength - longestPrompt;
        int atLeast = Math.min(longestAnswer, Math.max(1, maxSequenceLength / 2));
        return Math.min(RunSettings.MAX_NEW_TOKENS, Math.max(atLeast, Math.min(wanted, roomBesidePrompt)));
    }

    /**
     * The share of the training records held out for evaluation, chosen with {@link #splitSeed()}; null
     * when the dataset's own splits are used ({@link RunRecords}).
     */
    public Double holdout() { return holdout; }
    public void setHoldout(Double fraction) { this.holdout = fraction; }

    /** The seed that chooses the held-out records; null uses {@link #seed()}. */
    public Long splitSeed() { return splitSeed; }
    public void setSplitSeed(Long seed) { this.splitSeed = seed; }

    /** {@link #splitSeed()}, or the run's seed when none is set. */
    public long effectiveSplitSeed() { return splitSeed != null ? splitSeed : seed; }

    /**
     * How many records of the evaluation split are evaluated, a seeded sample ({@link
     * org.reasonlab.core.model.SplitRecords#sample}, seed {@link #effectiveSplitSeed()}, so that the runs of a sweep
     * over seeds are evaluated on the same records); null for all of them.
     */
    public Integer evalSample() { return evalSample; }
    public void setEvalSample(Integer records) { this.evalSample = records; }

    /** The {@link RunPreset} the spec started from ({@link RunPreset#id()}); null for ReasonLab's defaults. */
    public String preset() { return preset; }
    public void setPreset(String preset) { this.preset = preset; }

    /**
     * The attribute set ({@code builtin:gender} or a file) of counterfactual training; null for none. It takes
     * effect through {@link #counterfactualAugment()} and {@link #consistencyWeight()}.
     */
    public String counterfactualAttributes() { return counterfactualAttributes; }
    public void setCounterfactualAttributes(String attributes) {
        this.counterfactualAttributes = attributes == null || attributes.isBlank() ? null : attributes.strip();
    }

    /** Whether the counterfactual variants of the training records are trained on too (same label). */
    public boolean counterfactualAugment() { return counterfactualAugment; }
    public void setCounterfactualAugment(boolean augment) { this.counterfactualAugment = augment; }

    /**
     * Lambda of the consistency term: the symmetric KL divergence between the label distributions of a training
     * record and of its counterfactual variants, added to the loss with this weight; 0 turns it off.
     */
    public double consistencyWeight() { return consistencyWeight; }
    public void setConsistencyWeight(double lambda) { this.consistencyWeight = lambda; }

    /** The datasets the run trains on, mixed at their ratios; empty: the train records of {@link #dataset()}. */
    public List<MixtureSource> mixture() { return mixture; }
    public void setMixture(List<MixtureSource> sources) { this.mixture = sources == null ? List.of() : List.copyOf(sources); }

    /** Examples drawn for a mixture in all; null: as many as the run's dataset has usable training records. */
    public Integer mixtureSize() { return mixtureSize; }
    public void setMixtureSize(Integer size) { this.mixtureSize = size; }

    @Override
    public String toString() {
        return "RunSpec[" + runId + ", " + mode + ", " + model + ", " + Objects.toString(dataset) + "]";
    }
}
