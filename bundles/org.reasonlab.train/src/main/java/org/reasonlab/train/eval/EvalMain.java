package org.reasonlab.train.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.reasonlab.core.cli.CliArguments;
import org.reasonlab.core.cli.UsageException;
import org.reasonlab.core.eval.TrainingStatements;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.model.SplitRecords;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.PromptTemplates;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunEventLog;
import org.reasonlab.core.run.RunMetrics;
import org.reasonlab.core.run.RunRecords;
import org.reasonlab.core.run.RunSettings;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.core.counterfactual.AttributeSet;
import org.reasonlab.core.counterfactual.BuiltinAttributeSets;
import org.reasonlab.core.counterfactual.ProbeJson;
import org.reasonlab.core.counterfactual.ProbeResults;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.train.cli.CommandModel;
import org.reasonlab.train.cli.ModelArguments;
import org.reasonlab.core.cli.TemplateArguments;
import org.reasonlab.train.cli.TrainerCommand;
import org.reasonlab.train.generate.GenerationOptions;
import org.reasonlab.train.progress.EvalProgress;

/**
 * Command line: {@code --model PATH|tiny --dataset FILE [--split test] [--mode l|l+r|r->l]
 * [--template FILE | --prompt TEXT --answer TEXT] [--out DIR] [--max-new-tokens N] [--max-sequence-length N]
 * [--batch-size N] [--limit N] [--sample N] [--seed N] [--device auto|cpu|gpu] [--precision auto|fp32|bf16]
 * [--no-likelihood] [--debug] [--attributes builtin:NAME|SET.json]}.
 * Evaluates the model on the split (all records when the dataset has no splits; with {@code --sample N} a seeded
 * sample of N of them, the rule train's {@code evalSample} uses, {@link SplitRecords#sample}), prints a short
 * summary and writes {@code predictions.jsonl}, {@code metrics.json} and {@code events.jsonl} (one
 * {@code eval} event) into {@code --out} (default: a new {@code runs/eval-<timestamp>} next to the
 * dataset). Evaluating an untrained base model gives the DFAR paper's "pre-trained" row. Prompts are
 * fitted into {@code --max-sequence-length} (default 512, train's default; pass the run's value for a
 * tuned model) the way training cut them. {@code --batch-size} prompts (default 8) are generated at
 * once; the answers are those of one at a time. With {@code --attributes} the counterfactual variants of the
 * evaluated records are evaluated the same way and {@code probe.json} gives the flip rates
 * ({@link CounterfactualProbe}; {@code reasonlab probe} is this command with {@code --attributes} required).
 * <p>{@code --run RUN --attributes ...} probes a finished run instead: its {@code spec.json} gives the dataset, mode,
 * template, evaluation records (the eval split or the holdout with the split seed, and {@code evalSample}, drawn as
 * the evaluation after training draws them), the training records (for leakage), generation length, sequence length,
 * device and precision (the last four unless given); the model is the run's {@code merged/} folder, else its base
 * model with {@code adapter/} attached. The records are evaluated again and only {@code probe.json} is written, into
 * the run folder (or {@code --out DIR}); the run's own files are left alone. A run that has not completed, or left no
 * tuned model (a full fine-tuning without {@code --merged}), is an error.
 * {@code -h}/{@code --help} prints the usage.
 * Exit codes: 0 ok, 1 the model, dataset or run could not be loaded or has no records to evaluate,
 * 2 bad arguments.
 */
public final class EvalMain extends TrainerCommand<EvalMain.Args> {
    static final String USAGE = "usage: eval --model PATH|tiny --dataset FILE [--split train|validation|test]"
            + " [--mode l|l+r|r->l] [--template FILE | --prompt TEXT --answer TEXT] [--out DIR] [--max-new-tokens N]"
            + " [--max-sequence-length N] [--batch-size N] [--limit N] [--sample N] [--seed N]"
            + " [--attributes builtin:NAME|SET.json]"
            + " [--train-split SPLIT] [--holdout F --split-seed N]"
            + " [--device auto|cpu|gpu] [--precision auto|fp32|bf16] [--no-likelihood] [--debug]\n"
            + "       eval --run RUN --attributes builtin:NAME|SET.json [--out DIR] [--limit N] [--batch-size N]"
            + " [--max-new-tokens N] [--max-sequence-length N] [--device auto|cpu|gpu] [--precision auto|fp32|bf16]"
            + " [--no-likelihood] [--debug]";
    /** Options a finished run's spec.json decides; {@code --run} refuses them. */
    private static final List<String> RUN_DECIDES = List.of("model", "dataset", "split", "mode", "template", "prompt",
            "answer", "train-split", "holdout", "split-seed", "sample", "seed");
    /** The template's next question starts with "###"; an answer never does. */
    public static final List<String> STOP_STRINGS = List.of("\n###", "###");

    private EvalMain() {
        // no default model: parse() requires --model unless --run names a run
        super("eval", USAGE, "", Set.of("debug", "no-likelihood"), options());
    }

    private static Set<String> options() {
        Set<String> options = new HashSet<>(Set.of("dataset", "split", "mode", "out", "max-new-tokens",
                "max-sequence-length", "batch-size", "limit", "sample", "seed", "train-split", "holdout", "split-seed",
                "attributes", "run"));
        options.addAll(TemplateArguments.OPTIONS);
        return options;
    }

    public static void main(String[] args) {
        exit(new EvalMain(), args);
    }

    /** Runs the command; returns the exit code. */
    /** Every flag and option of the command, for its usage's test. */
    public static Set<String> declaredOptions() {
        return new EvalMain().optionNames();
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new EvalMain().call(args, out, err);
    }

    /**
     * Parsed arguments; {@code maxNewTokens} is the mode's default ({@link #defaultMaxNewTokens}) unless given;
     * {@code sample} is null for every record of the split. With {@code run} (a finished run to probe) the run's spec
     * decides what was not given: the model's device and precision are null unless given, {@code maxNewTokens} and
     * {@code maxSequenceLength} 0, and {@code dataset}, {@code split}, {@code mode}, {@code template} null.
     */
    record Args(ModelArguments model, Path dataset, Split split, TrainingMode mode, PromptTemplate template, Path out,
            int maxNewTokens, int limit, Integer sample, long seed, boolean likelihood, boolean debug,
            int maxSequenceLength, int batchSize, Split trainSplit, Double holdout, long splitSeed,
            AttributeSet attributes, Path run) {
    }

    /** 16 tokens for a bare label (mode L), 128 when a reason is generated too. */
    public static int defaultMaxNewTokens(TrainingMode mode) {
        return mode == TrainingMode.L ? 16 : 128;
    }

    @Override
    protected Args parse(CliArguments args, ModelArguments model) throws UsageException {
        if (args.option("run").isPresent()) {
            return parseRun(args, model);
        }
        if (model.model().isEmpty()) {
            throw new UsageException("--model is required (or --run RUN to probe a finished run)");
        }
        Path dataset = Path.of(required(args, "dataset"));
        Split split = args.option("split", Split.TEST, Split::parse, "train, validation or test");
        TrainingMode mode = mode(args, TrainingMode.L_PLUS_R);
        PromptTemplate template = TemplateArguments.of(args, mode, PromptTemplates.defaultFor(mode));
        int max = args.positiveIntOption("max-new-tokens", 0);
        int sample = args.positiveIntOption("sample", 0);
        if (args.option("holdout").isPresent()) {
            double h = args.doubleOption("holdout", 0);
            if (!(h > 0 && h <= RunSettings.MAX_HOLDOUT)) {
                throw new UsageException("--holdout must be above 0 and at most " + RunSettings.MAX_HOLDOUT + ", was " + h);
            }
        }
        return new Args(model, dataset, split, mode, template, args.option("out").map(Path::of).orElse(null),
                max == 0 ? defaultMaxNewTokens(mode) : max, args.positiveIntOption("limit", 0),
                sample == 0 ? null : sample, args.longOption("seed", new RunSpec().seed()),
                !args.flag("no-likelihood"), args.flag("debug"),
                args.positiveIntOption("max-sequence-length", new RunSpec().maxSequenceLength()),
                args.positiveIntOption("batch-size", 8),
                args.option("train-split", Split.TRAIN, Split::parse, "train, validation or test"),
                args.option("holdout").isPresent() ? args.doubleOption("holdout", 0) : null,
                args.longOption("split-seed", args.longOption("seed", new RunSpec().seed())), attributes(args), null);
    }

    /** {@code --run RUN}: what the run's spec does not decide. */
    private static Args parseRun(CliArguments args, ModelArguments model) throws UsageException {
        for (String option : RUN_DECIDES) {
            if (args.option(option).isPresent()) {
                throw new UsageException("--" + option + " cannot be given with --run: the run's spec.json decides it");
            }
        }
        AttributeSet attributes = attributes(args);
        if (attributes == null) {
            throw new UsageException("--run probes a finished run and needs --attributes builtin:NAME|SET.json (to"
                    + " evaluate a run's model again, use --model RUN/merged --dataset FILE)");
        }
        ModelArguments given = new ModelArguments("",
                args.option("device").isPresent() ? model.device() : null,
                args.option("precision").isPresent() ? model.precision() : null);
        return new Args(given, null, null, null, null, args.option("out").map(Path::of).orElse(null),
                args.positiveIntOption("max-new-tokens", 0), args.positiveIntOption("limit", 0), null, 0,
                !args.flag("no-likelihood"), args.flag("debug"), args.positiveIntOption("max-sequence-length", 0),
                args.positiveIntOption("batch-size", 8), null, null, 0, attributes,
                Path.of(args.option("run").get()));
    }

    private static AttributeSet attributes(CliArguments args) throws UsageException {
        if (args.option("attributes").isEmpty()) {
            return null;
        }
        try {
            return BuiltinAttributeSets.resolve(args.option("attributes").get());
        } catch (IOException e) {
            throw new UsageException("--attributes: " + e.getMessage());
        }
    }

    @Override
    protected int execute(Args args, PrintStream out, PrintStream err) {
        try {
            if (args.run() != null) {
                return probeRun(args, out, err);
            }
            if (!Files.isRegularFile(args.dataset())) {
                err.println("eval: dataset file not found: " + args.dataset());
                return FAILED;
            }
            LoadResult loaded = DatasetLoader.load(args.dataset());
            if (loaded.hasProblems()) {
                err.println("eval: warning: " + loaded.problems().size() + " problem(s) reading " + args.dataset()
                        + "; the lines affected are left out");
            }
            Dataset dataset = loaded.dataset();
            if (args.holdout() == null && SplitRecords.of(dataset, args.split()).isEmpty()) {
                err.println("eval: no records " + (dataset.records().isEmpty() ? "in " + args.dataset()
                        : "in split '" + args.split().id() + "' of " + args.dataset()));
                return FAILED;
            }
            Path outDir = args.out() != null ? args.out() : defaultOut(args.dataset());
            // the records a run with these settings would be scored on, and the ones it would train on
            RunRecords records = RunRecords.forEvaluation(dataset, args.trainSplit(), args.split(), args.holdout(),
                    args.splitSeed(), args.dataset().toString());
            // the split seed (else --seed), as train draws its evaluation sample: the same records for the same settings
            List<DatasetRecord> sample = SplitRecords.sample(records.eval(), args.sample(), args.splitSeed());
            String file = args.dataset().toAbsolutePath().toString();
            Plan plan = new Plan(dataset, file, records, sample, args.mode(), args.template(), args.model(), null,
                    args.model().model(), args.maxNewTokens(), args.maxSequenceLength(), outDir,
                    outDir.resolve(ProbeJson.FILE),
                    new ProbeResults.Subject(args.model().model(), null, file, records.evalName()), null);
            return Runner.evaluate(plan, args, out, err);
        } catch (Exception | LinkageError e) {
            return failed(e, args.debug(), err);
        }
    }

    /**
     * What to evaluate and where the results go.
     *
     * @param datasetFile the dataset file, as metrics.json names it
     * @param adapter a LoRA adapter to attach to the model, or null
     * @param modelName what metrics.json calls the model
     * @param outDir where predictions.jsonl, metrics.json and events.jsonl go; null to write none of them (a run's
     *        probe)
     * @param probeFile where probe.json goes (with --attributes)
     * @param runMetrics the probed run's own metrics.json, to compare the evaluation with; null for none
     */
    private record Plan(Dataset dataset, String datasetFile, RunRecords records, List<DatasetRecord> sample,
            TrainingMode mode, PromptTemplate template, ModelArguments model, Path adapter, String modelName,
            int maxNewTokens, int maxSequenceLength, Path outDir, Path probeFile, ProbeResults.Subject subject,
            RunMetrics runMetrics) {
    }

    /** {@code --run RUN}: the finished run's model on its evaluation records, with its settings. */
    private int probeRun(Args args, PrintStream out, PrintStream err) throws IOException {
        RunDirectory run = new RunDirectory(args.run());
        if (!Files.isRegularFile(run.specFile())) {
            err.println("eval: " + args.run() + " is not a run folder (no " + RunDirectory.SPEC + "); to probe a model"
                    + " evaluated there, use --model and --dataset");
            return FAILED;
        }
        RunSpec spec = run.readSpec();
        String name = spec.runId() != null ? spec.runId() : String.valueOf(args.run().getFileName());
        RunStatus status = run.status();
        if (status != RunStatus.COMPLETED) {
            err.println("eval: run " + name + " has not completed (status " + status.id() + "): it has no tuned model"
                    + " to probe" + (status == RunStatus.CANCELLED || status == RunStatus.FAILED
                            ? "; resume it (train --run-dir " + args.run() + " --resume) first" : ""));
            return FAILED;
        }
        String model;
        Path adapter = null;
        String source;
        if (Files.isRegularFile(run.mergedDir().resolve("config.json"))) {
            model = run.mergedDir().toString();
            source = RunDirectory.MERGED + "/";
        } else if (Files.isRegularFile(run.adapterDir().resolve(ADAPTER_CONFIG))
                && Files.isRegularFile(run.adapterDir().resolve(ADAPTER_WEIGHTS))) {
            model = spec.model();
            adapter = run.adapterDir();
            source = spec.model() + " with " + RunDirectory.ADAPTER + "/";
        } else {
            err.println("eval: run " + name + " has no tuned model to probe: neither " + RunDirectory.MERGED + "/ nor "
                    + RunDirectory.ADAPTER + "/ in " + args.run() + (RunSpec.TUNING_FULL.equals(spec.tuning())
                            ? " (a full fine-tuning keeps its model only when trained with --merged)" : ""));
            return FAILED;
        }
        Path datasetFile = Path.of(spec.dataset());
        if (!Files.isRegularFile(datasetFile)) {
            err.println("eval: run " + name + "'s dataset file not found: " + datasetFile);
            return FAILED;
        }
        LoadResult loaded = DatasetLoader.load(datasetFile);
        if (loaded.hasProblems()) {
            err.println("eval: warning: " + loaded.problems().size() + " problem(s) reading " + datasetFile
                    + "; the lines affected are left out");
        }
        Dataset dataset = loaded.dataset();
        // the records the run was evaluated on after training, drawn as it drew them, and those it trained on
        RunRecords records = RunRecords.of(dataset, spec, spec.dataset());
        List<DatasetRecord> sample = SplitRecords.sample(records.eval(), spec.evalSample(), spec.effectiveSplitSeed());
        if (sample.isEmpty()) {
            err.println("eval: run " + name + " has no evaluation records (" + records.evalName() + ")");
            return FAILED;
        }
        err.println("eval: probing run " + name + ": " + source + ", " + sample.size() + " " + records.evalName()
                + " record(s) of " + datasetFile);
        ModelArguments m = new ModelArguments(model,
                args.model().device() != null ? args.model().device() : spec.device(),
                args.model().precision() != null ? args.model().precision() : spec.precision());
        int maxNewTokens = args.maxNewTokens() > 0 ? args.maxNewTokens()
                : spec.evalMaxNewTokens() > 0 ? spec.evalMaxNewTokens() : defaultMaxNewTokens(spec.mode());
        int maxSequenceLength = args.maxSequenceLength() > 0 ? args.maxSequenceLength() : spec.maxSequenceLength();
        Path probeFile = (args.out() != null ? args.out() : args.run()).resolve(ProbeJson.FILE);
        RunMetrics runMetrics = null;
        if (Files.isRegularFile(run.metricsFile())) {
            try {
                runMetrics = RunMetrics.read(run.metricsFile());
            } catch (IOException unreadable) {
                err.println("eval: warning: " + unreadable.getMessage());
            }
        }
        Plan plan = new Plan(dataset, spec.dataset(), records, sample, spec.mode(), spec.template(), m, adapter,
                spec.model(), maxNewTokens, maxSequenceLength, null, probeFile,
                new ProbeResults.Subject(spec.model(), name, spec.dataset(), records.evalName()), runMetrics);
        return Runner.evaluate(plan, args, out, err);
    }

    /** PEFT's file names ({@code PeftExporter}'s, which loads DJL). */
    private static final String ADAPTER_CONFIG = "adapter_config.json";
    private static final String ADAPTER_WEIGHTS = "adapter_model.safetensors";

    /** {@code runs/eval-<yyyyMMdd-HHmmss>} next to the dataset, with a suffix when it exists already. */
    static Path defaultOut(Path dataset) {
        Path parent = dataset.toAbsolutePath().getParent();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path base = parent.resolve("runs").resolve("eval-" + stamp);
        Path p = base;
        for (int i = 2; Files.exists(p); i++) {
            p = base.resolveSibling(base.getFileName() + "-" + i);
        }
        return p;
    }

    /** Keeps DJL classes out of {@link EvalMain} itself so they load only after {@code prepare}. */
    private static final class Runner {
        static int evaluate(Plan plan, Args args, PrintStream out, PrintStream err) throws IOException {
            try (CommandModel model = CommandModel.open("eval", plan.model(), plan.adapter(), err)) {
                GenerationOptions options = GenerationOptions.greedy(plan.maxNewTokens())
                        .withStopStrings(STOP_STRINGS).withMaxSequenceLength(plan.maxSequenceLength());
                ModelAnswerSource source = new ModelAnswerSource(model.model(), options);
                err.println("eval: precision " + model.model().precision().id() + " on " + model.model().device());
                Evaluator evaluator = new Evaluator(plan.mode(), plan.template(), plan.modelName()).limit(args.limit())
                        .trainedOn(TrainingStatements.of(plan.records().train()))
                        .batchSize(args.batchSize()).likelihood(args.likelihood())
                        .progress(new EvalProgress("eval", err, null, Clock.systemUTC()));
                EvalResult result = evaluator.evaluate(plan.sample(), plan.dataset().schema(),
                        plan.records().evalName(), source).withDataset(plan.datasetFile());
                if (source.truncatedPrompts() > 0) {
                    err.println("eval: warning: " + source.truncatedPrompts() + " prompt(s) shortened from the left"
                            + " to fit --max-sequence-length " + plan.maxSequenceLength());
                }
                if (result.records() == 0) {
                    err.println("eval: no usable records (all " + result.skipped()
                            + " lack a statement or have an unknown label)");
                    return FAILED;
                }
                out.print(result.humanSummary());
                if (plan.outDir() != null) {
                    RunDirectory run = new RunDirectory(plan.outDir());
                    Files.createDirectories(plan.outDir());
                    try (RunEventLog events = run.openEventLog()) {
                        Evaluator.write(result, run, events, 0);
                    }
                    out.println("wrote " + run.predictionsFile() + " and " + run.metricsFile());
                } else if (plan.runMetrics() != null && plan.runMetrics().accuracy() != null && args.limit() == 0
                        && Math.abs(plan.runMetrics().accuracy() - result.report().classification().accuracy())
                                > 1e-9) {
                    out.printf(Locale.ROOT, "note: the run's own evaluation (metrics.json) had accuracy %.4f; this"
                            + " one %.4f (another precision, device or model folder can change answers)%n",
                            plan.runMetrics().accuracy(), result.report().classification().accuracy());
                }
                if (args.attributes() != null) {
                    Files.createDirectories(plan.probeFile().toAbsolutePath().getParent());
                    CounterfactualProbe.run(args.attributes(), plan.sample(), result, evaluator, plan.dataset(),
                            plan.records().evalName(), source, plan.subject(), plan.probeFile(), out);
                }
                out.flush();
                return OK;
            }
        }
    }
}
