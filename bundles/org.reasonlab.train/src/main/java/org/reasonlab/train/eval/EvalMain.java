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
import org.reasonlab.core.run.RunRecords;
import org.reasonlab.core.run.RunSettings;
import org.reasonlab.core.counterfactual.AttributeSet;
import org.reasonlab.core.counterfactual.BuiltinAttributeSets;
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
 * {@code -h}/{@code --help} prints the usage.
 * Exit codes: 0 ok, 1 the model or dataset could not be loaded or has no records to evaluate,
 * 2 bad arguments.
 */
public final class EvalMain extends TrainerCommand<EvalMain.Args> {
    static final String USAGE = "usage: eval --model PATH|tiny --dataset FILE [--split train|validation|test]"
            + " [--mode l|l+r|r->l] [--template FILE | --prompt TEXT --answer TEXT] [--out DIR] [--max-new-tokens N]"
            + " [--max-sequence-length N] [--batch-size N] [--limit N] [--sample N] [--seed N]"
            + " [--attributes builtin:NAME|SET.json]"
            + " [--train-split SPLIT] [--holdout F --split-seed N]"
            + " [--device auto|cpu|gpu] [--precision auto|fp32|bf16] [--no-likelihood] [--debug]";
    /** The template's next question starts with "###"; an answer never does. */
    public static final List<String> STOP_STRINGS = List.of("\n###", "###");

    private EvalMain() {
        super("eval", USAGE, null, Set.of("debug", "no-likelihood"), options());
    }

    private static Set<String> options() {
        Set<String> options = new HashSet<>(Set.of("dataset", "split", "mode", "out", "max-new-tokens",
                "max-sequence-length", "batch-size", "limit", "sample", "seed", "train-split", "holdout", "split-seed",
                "attributes"));
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
     * {@code sample} is null for every record of the split.
     */
    record Args(ModelArguments model, Path dataset, Split split, TrainingMode mode, PromptTemplate template, Path out,
            int maxNewTokens, int limit, Integer sample, long seed, boolean likelihood, boolean debug,
            int maxSequenceLength, int batchSize, Split trainSplit, Double holdout, long splitSeed,
            AttributeSet attributes) {
    }

    /** 16 tokens for a bare label (mode L), 128 when a reason is generated too. */
    public static int defaultMaxNewTokens(TrainingMode mode) {
        return mode == TrainingMode.L ? 16 : 128;
    }

    @Override
    protected Args parse(CliArguments args, ModelArguments model) throws UsageException {
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
                args.longOption("split-seed", args.longOption("seed", new RunSpec().seed())), attributes(args));
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
            return Runner.evaluate(dataset, args, outDir, out, err);
        } catch (Exception | LinkageError e) {
            return failed(e, args.debug(), err);
        }
    }

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
        static int evaluate(Dataset dataset, Args args, Path outDir, PrintStream out, PrintStream err)
                throws IOException {
            // the records a run with these settings would be scored on, and the ones it would train on
            RunRecords records = RunRecords.forEvaluation(dataset, args.trainSplit(), args.split(), args.holdout(),
                    args.splitSeed(), args.dataset().toString());
            try (CommandModel model = CommandModel.open("eval", args.model(), err)) {
                GenerationOptions options = GenerationOptions.greedy(args.maxNewTokens())
                        .withStopStrings(STOP_STRINGS).withMaxSequenceLength(args.maxSequenceLength());
                ModelAnswerSource source = new ModelAnswerSource(model.model(), options);
                err.println("eval: precision " + model.model().precision().id() + " on " + model.model().device());
                Evaluator evaluator = new Evaluator(args.mode(), args.template(), args.model().model()).limit(args.limit())
                        .trainedOn(TrainingStatements.of(records.train()))
                        .batchSize(args.batchSize()).likelihood(args.likelihood())
                        .progress(new EvalProgress("eval", err, null, Clock.systemUTC()));
                // the split seed (else --seed), as train draws its evaluation sample: the same records for the same settings
                List<DatasetRecord> sample = SplitRecords.sample(records.eval(), args.sample(), args.splitSeed());
                EvalResult result = evaluator.evaluate(sample, dataset.schema(), records.evalName(), source)
                        .withDataset(args.dataset().toAbsolutePath().toString());
                if (source.truncatedPrompts() > 0) {
                    err.println("eval: warning: " + source.truncatedPrompts() + " prompt(s) shortened from the left"
                            + " to fit --max-sequence-length " + args.maxSequenceLength());
                }
                if (result.records() == 0) {
                    err.println("eval: no usable records (all " + result.skipped()
                            + " lack a statement or have an unknown label)");
                    return FAILED;
                }
                RunDirectory run = new RunDirectory(outDir);
                Files.createDirectories(outDir);
                try (RunEventLog events = run.openEventLog()) {
                    Evaluator.write(result, run, events, 0);
                }
                out.print(result.humanSummary());
                out.println("wrote " + run.predictionsFile() + " and " + run.metricsFile());
                if (args.attributes() != null) {
                    CounterfactualProbe.run(args.attributes(), sample, result, evaluator, dataset, records.evalName(),
                            source, outDir, out);
                }
                out.flush();
                return OK;
            }
        }
    }
}
