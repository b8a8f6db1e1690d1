package org.reasonlab.train.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import ai.djl.pytorch.jni.JniUtils;
import org.reasonlab.core.cli.CliArguments;
import org.reasonlab.core.cli.UsageException;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.model.SplitRecords;
import org.reasonlab.core.prompt.PromptTemplates;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.Prediction;
import org.reasonlab.train.cli.CommandModel;
import org.reasonlab.train.cli.ModelArguments;
import org.reasonlab.train.cli.TrainerCommand;
import org.reasonlab.train.eval.EvalMain;
import org.reasonlab.train.eval.EvalResult;
import org.reasonlab.train.eval.Evaluator;
import org.reasonlab.train.eval.ModelAnswerSource;
import org.reasonlab.train.generate.GenerationOptions;
import org.reasonlab.train.generate.GenerationResult;
import org.reasonlab.train.generate.Generator;
import org.reasonlab.train.model.InferenceForward;
import org.reasonlab.train.model.LoadedModel;

/**
 * The evaluation loop's speed ({@code ./reasonlab benchmark eval}): batch-1 greedy generation in
 * tokens/s, and the wall time of evaluating a dataset's first records the way {@code eval} does,
 * each through the model's block forward ("before") and the forward generation and scoring use
 * ({@link org.reasonlab.train.model.CausalLm#inference()}, "after"), in one run, with whether both
 * gave the same tokens and predictions. A benchmark that prints figures, not a test.
 */
public final class EvalBenchmark extends TrainerCommand<EvalBenchmark.Args> {
    static final String USAGE = "usage: benchmark eval --model PATH|tiny [--dataset FILE] [--split train|validation|test]"
            + " [--rows 500] [--mode l|l+r|r->l] [--batch-size 8] [--max-new-tokens N] [--prompt TEXT]"
            + " [--new-tokens 200] [--runs 5] [--device auto|cpu|gpu] [--precision auto|fp32|bf16] [--debug]";

    record Args(ModelArguments model, Path dataset, Split split, int rows, TrainingMode mode, int batchSize,
            int maxNewTokens, String prompt, int newTokens, int runs, boolean debug) {
    }

    private EvalBenchmark() {
        super("benchmark eval", USAGE, null, Set.of("debug"), Set.of("dataset", "split", "rows", "mode", "batch-size",
                "max-new-tokens", "prompt", "new-tokens", "runs"));
    }

    /** Every flag and option of the command, for its usage's test. */
    public static Set<String> declaredOptions() {
        return new EvalBenchmark().optionNames();
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new EvalBenchmark().call(args, out, err);
    }

    @Override
    protected Args parse(CliArguments args, ModelArguments model) throws UsageException {
        TrainingMode mode = mode(args, TrainingMode.L_PLUS_R);
        int max = args.positiveIntOption("max-new-tokens", 0);
        return new Args(model, args.option("dataset").map(Path::of).orElse(null),
                args.option("split", Split.TEST, Split::parse, "train, validation or test"),
                args.positiveIntOption("rows", 500), mode, args.positiveIntOption("batch-size", 8),
                max == 0 ? EvalMain.defaultMaxNewTokens(mode) : max, args.option("prompt").orElse("Once upon a time"),
                args.positiveIntOption("new-tokens", 200), args.positiveIntOption("runs", 5), args.flag("debug"));
    }

    @Override
    protected int execute(Args args, PrintStream out, PrintStream err) {
        try {
            Dataset dataset = null;
            if (args.dataset() != null) {
                if (!Files.isRegularFile(args.dataset())) {
                    err.println("benchmark eval: dataset file not found: " + args.dataset());
                    return FAILED;
                }
                dataset = DatasetLoader.load(args.dataset()).dataset();
            }
            try (CommandModel model = CommandModel.open("benchmark eval", args.model(), err)) {
                out.printf(Locale.ROOT, "model %s, %s on %s, %d intra-op threads by default%n", args.model().model(),
                        model.model().precision().id(), model.model().device(), JniUtils.getNumThreads());
                generation(model.model(), args, out);
                if (dataset != null) {
                    evaluation(model.model(), dataset, args, out);
                }
                return OK;
            }
        } catch (Exception | LinkageError e) {
            return failed(e, args.debug(), err);
        }
    }

    /** Batch-1 greedy generation, EOS ignored: best of {@code runs} after two warm-up runs, each forward. */
    private static void generation(LoadedModel model, Args args, PrintStream out) {
        GenerationOptions options = GenerationOptions.greedy(args.newTokens()).withStopAtEos(false);
        double[] best = new double[2];
        List<?>[] tokens = new List<?>[2];
        for (int run = 0; run < args.runs() + 2; run++) {
            for (int f = 0; f < 2; f++) { // alternate, so both see the same machine
                long start = System.nanoTime();
                GenerationResult r;
                try (InferenceForward forward = f == 0 ? model.model().reference() : model.model().inference()) {
                    r = Generator.generate(model, forward, args.prompt(), options);
                }
                double perSecond = r.tokens().size() / ((System.nanoTime() - start) / 1e9);
                if (run >= 2) {
                    best[f] = Math.max(best[f], perSecond);
                }
                tokens[f] = r.tokens();
            }
        }
        out.printf(Locale.ROOT, "generation, batch 1, greedy, %d new tokens after \"%s\" (best of %d runs after 2"
                + " warm-up runs):%n", args.newTokens(), args.prompt(), args.runs());
        out.printf(Locale.ROOT, "  block forward (before)  %8.0f tokens/s%n", best[0]);
        out.printf(Locale.ROOT, "  inference     (after)   %8.0f tokens/s  %.2fx, same tokens: %s%n", best[1],
                best[1] / best[0], tokens[0].equals(tokens[1]) ? "yes" : "NO");
    }

    /** The first {@code rows} usable records evaluated as {@code eval} does, once per forward after a warm-up. */
    private static void evaluation(LoadedModel model, Dataset dataset, Args args, PrintStream out) {
        List<DatasetRecord> records = SplitRecords.of(dataset, args.split()).records();
        List<DatasetRecord> rows = records.subList(0, Math.min(args.rows(), records.size()));
        GenerationOptions options = GenerationOptions.greedy(args.maxNewTokens())
                .withStopStrings(EvalMain.STOP_STRINGS);
        ModelAnswerSource after = new ModelAnswerSource(model, options);
        ModelAnswerSource before = after.withReferenceForward();
        Evaluator evaluator = new Evaluator(args.mode(), PromptTemplates.defaultFor(args.mode()), args.model().model())
                .batchSize(args.batchSize());
        List<DatasetRecord> warmUp = rows.subList(0, Math.min(rows.size(), 2 * args.batchSize()));
        evaluator.evaluate(warmUp, dataset.schema(), "warm-up", before);
        evaluator.evaluate(warmUp, dataset.schema(), "warm-up", after);
        double[] seconds = new double[2];
        EvalResult[] results = new EvalResult[2];
        ModelAnswerSource[] sources = {before, after};
        for (int f = 0; f < 2; f++) {
            long start = System.nanoTime();
            results[f] = evaluator.evaluate(rows, dataset.schema(), args.split().id(), sources[f]);
            seconds[f] = (System.nanoTime() - start) / 1e9;
        }
        out.printf(Locale.ROOT, "evaluation, mode %s, %d records of %s, batch %d, up to %d new tokens, likelihood"
                + " scored (after a warm-up on %d records):%n", args.mode().id(), rows.size(),
                args.dataset().getFileName(), args.batchSize(), args.maxNewTokens(), warmUp.size());
        out.printf(Locale.ROOT, "  block forward (before)  %8.1f s  %6.1f records/s%n", seconds[0], rows.size() / seconds[0]);
        out.printf(Locale.ROOT, "  inference     (after)   %8.1f s  %6.1f records/s  %.2fx, same predictions: %s%n",
                seconds[1], rows.size() / seconds[1], seconds[0] / seconds[1], samePredictions(results));
    }

    /** "yes", or how many generated answers and likelihood labels differ. */
    private static String samePredictions(EvalResult[] results) {
        int generated = 0;
        int likelihood = 0;
        for (int i = 0; i < results[0].predictions().size(); i++) {
            Prediction a = results[0].predictions().get(i);
            Prediction b = results[1].predictions().get(i);
            generated += a.generated().equals(b.generated()) ? 0 : 1;
            likelihood += Objects.equals(a.likelihoodLabel(), b.likelihoodLabel()) ? 0 : 1;
        }
        return generated == 0 && likelihood == 0 ? "yes"
                : "NO (" + generated + " generated answers and " + likelihood + " likelihood labels differ)";
    }
}
