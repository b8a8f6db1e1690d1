package org.reasonlab.train.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.model.SplitRecords;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.train.DjlEnvironment;

/**
 * Command line: {@code --model PATH|tiny --dataset FILE [--split test] [--mode l|l+r|r->l]
 * [--out DIR] [--max-new-tokens N] [--max-sequence-length N] [--batch-size N] [--limit N]
 * [--device auto|cpu|gpu] [--precision auto|fp32|bf16] [--no-likelihood] [--debug]}.
 * Evaluates the model on the split (all records when the dataset has no splits), prints a short
 * summary and writes {@code predictions.jsonl}, {@code metrics.json} and {@code events.jsonl} (one
 * {@code eval} event) into {@code --out} (default: a new {@code runs/eval-<timestamp>} next to the
 * dataset). Evaluating an untrained base model gives the DFAR paper's "pre-trained" row. Prompts are
 * fitted into {@code --max-sequence-length} (default 512, train's default; pass the run's value for a
 * tuned model) the way training cut them. {@code --batch-size} prompts (default 8) are generated at
 * once; the answers are those of one at a time.
 * Exit codes: 0 ok, 1 the model or dataset could not be loaded or has no records to evaluate,
 * 2 bad arguments.
 */
public final class EvalMain {
    static final String USAGE = "usage: eval --model PATH|tiny --dataset FILE [--split train|validation|test]"
            + " [--mode l|l+r|r->l] [--out DIR] [--max-new-tokens N] [--max-sequence-length N] [--batch-size N]"
            + " [--limit N] [--device auto|cpu|gpu] [--precision auto|fp32|bf16] [--no-likelihood] [--debug]";
    /** The template's next question starts with "###"; an answer never does. */
    public static final List<String> STOP_STRINGS = List.of("\n###", "###");

    private EvalMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Parsed arguments; {@code maxNewTokens} 0 = the mode's default ({@link #defaultMaxNewTokens}). */
    record Args(String model, Path dataset, Split split, TrainingMode mode, Path out, int maxNewTokens, int limit,
            String device, boolean likelihood, boolean debug, int maxSequenceLength, String precision, int batchSize) {
    }

    /** 16 tokens for a bare label (mode L), 128 when a reason is generated too. */
    public static int defaultMaxNewTokens(TrainingMode mode) {
        return mode == TrainingMode.L ? 16 : 128;
    }

    static Args parse(String[] args) {
        String model = null;
        Path dataset = null;
        Split split = Split.TEST;
        TrainingMode mode = TrainingMode.L_PLUS_R;
        Path out = null;
        int max = 0;
        int limit = 0;
        String device = "auto";
        String precision = "auto";
        int batchSize = 8;
        int maxSequenceLength = new org.reasonlab.core.run.RunSpec().maxSequenceLength();
        boolean likelihood = true;
        boolean debug = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--debug" -> debug = true;
                case "--no-likelihood" -> likelihood = false;
                case "--model", "--dataset", "--split", "--mode", "--out", "--max-new-tokens", "--limit", "--device",
                        "--precision", "--max-sequence-length", "--batch-size" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--model" -> model = v;
                        case "--dataset" -> dataset = Path.of(v);
                        case "--split" -> split = Split.parse(v).orElseThrow(() -> new IllegalArgumentException(
                                "--split must be train, validation or test, was '" + v + "'"));
                        case "--mode" -> mode = TrainingMode.parse(v).orElseThrow(() -> new IllegalArgumentException(
                                "--mode must be l, l+r or r->l, was '" + v + "'"));
                        case "--out" -> out = Path.of(v);
                        case "--max-new-tokens" -> max = positive(a, v);
                        case "--limit" -> limit = positive(a, v);
                        case "--max-sequence-length" -> maxSequenceLength = positive(a, v);
                        case "--batch-size" -> batchSize = positive(a, v);
                        case "--precision" -> precision = v.toLowerCase(Locale.ROOT);
                        default -> device = v.toLowerCase(Locale.ROOT);
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        if (model == null) {
            throw new IllegalArgumentException("--model is required");
        }
        if (dataset == null) {
            throw new IllegalArgumentException("--dataset is required");
        }
        if (!List.of("auto", "cpu", "gpu").contains(device)) {
            throw new IllegalArgumentException("--device must be auto, cpu or gpu, was '" + device + "'");
        }
        if (!org.reasonlab.core.run.RunSpec.PRECISIONS.contains(precision)) {
            throw new IllegalArgumentException("--precision must be auto, fp32 or bf16, was '" + precision + "'");
        }
        return new Args(model, dataset, split, mode, out, max == 0 ? defaultMaxNewTokens(mode) : max, limit, device,
                likelihood, debug, maxSequenceLength, precision, batchSize);
    }

    private static int positive(String flag, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) {
                throw new IllegalArgumentException(flag + " must be positive, was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": not a number: '" + v + "'");
        }
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        Args args;
        try {
            args = parse(argv);
        } catch (IllegalArgumentException e) {
            err.println("eval: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        DjlEnvironment.prepare(); // before any DJL class initialises
        Path tmp = null;
        try {
            if (!Files.isRegularFile(args.dataset())) {
                err.println("eval: dataset file not found: " + args.dataset());
                return 1;
            }
            LoadResult loaded = DatasetLoader.load(args.dataset());
            if (loaded.hasProblems()) {
                err.println("eval: warning: " + loaded.problems().size() + " problem(s) reading " + args.dataset()
                        + "; the lines affected are left out");
            }
            Dataset dataset = loaded.dataset();
            if (SplitRecords.of(dataset, args.split()).isEmpty()) {
                err.println("eval: no records " + (dataset.records().isEmpty() ? "in " + args.dataset()
                        : "in split '" + args.split().id() + "' of " + args.dataset()));
                return 1;
            }
            Path folder;
            String modelName = args.model();
            if (args.model().equals(org.reasonlab.train.model.TinyModelPreset.NAME)
                    && !Files.isDirectory(Path.of(args.model()))) {
                tmp = Files.createTempDirectory("reasonlab-tiny-");
                folder = org.reasonlab.train.model.TinyModelPreset.write(tmp);
                err.println("eval: using the built-in tiny preset (UNTRAINED: random weights, for smoke tests)");
            } else {
                folder = Path.of(args.model());
            }
            Path outDir = args.out() != null ? args.out() : defaultOut(args.dataset());
            return Runner.evaluate(folder, modelName, dataset, args, outDir, out, err);
        } catch (Exception | LinkageError e) {
            err.println("eval: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (args.debug()) {
                e.printStackTrace(err);
            }
            return 1;
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
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

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Keeps DJL classes out of {@link EvalMain} itself so they load only after {@code prepare}. */
    private static final class Runner {
        static int evaluate(Path folder, String modelName, Dataset dataset, Args args, Path outDir, PrintStream out,
                PrintStream err) throws IOException {
            ai.djl.Device device = DjlEnvironment.device(args.device());
            var precision = org.reasonlab.train.model.Precision.resolve(args.precision(), device);
            try (ai.djl.ndarray.NDManager root = ai.djl.ndarray.NDManager.newBaseManager(device);
                    org.reasonlab.train.model.LoadedModel model =
                            org.reasonlab.train.model.ModelLoader.load(folder, root, device, precision, false)) {
                for (String w : model.warnings()) {
                    err.println("eval: warning: " + w);
                }
                var options = org.reasonlab.train.generate.GenerationOptions.greedy(args.maxNewTokens())
                        .withStopStrings(STOP_STRINGS).withMaxSequenceLength(args.maxSequenceLength());
                ModelAnswerSource source = new ModelAnswerSource(model, options);
                err.println("eval: precision " + precision.id() + " on " + device);
                Evaluator evaluator = new Evaluator(args.mode(), modelName).limit(args.limit())
                        .batchSize(args.batchSize()).likelihood(args.likelihood())
                        .progress((done, total, p) -> {
                            if (done == total || done % 10 == 0) {
                                err.println("eval: " + done + "/" + total);
                            }
                        });
                EvalResult result = evaluator.evaluate(dataset, args.split(), source)
                        .withDataset(args.dataset().toAbsolutePath().toString());
                if (source.truncatedPrompts() > 0) {
                    err.println("eval: warning: " + source.truncatedPrompts() + " prompt(s) shortened from the left"
                            + " to fit --max-sequence-length " + args.maxSequenceLength());
                }
                if (result.records() == 0) {
                    err.println("eval: no usable records (all " + result.skipped()
                            + " lack a statement or have an unknown label)");
                    return 1;
                }
                RunDirectory run = new RunDirectory(outDir);
                Files.createDirectories(outDir);
                try (var events = run.openEventLog()) {
                    Evaluator.write(result, run, events, 0);
                }
                out.print(result.humanSummary());
                out.println("wrote " + run.predictionsFile() + " and " + run.metricsFile());
                out.flush();
                return 0;
            }
        }
    }
}
