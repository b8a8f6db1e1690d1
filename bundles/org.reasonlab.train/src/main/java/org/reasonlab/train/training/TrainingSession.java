package org.reasonlab.train.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.reasonlab.core.eval.TrainingStatements;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.SplitRecords;
import org.reasonlab.core.prompt.ExampleBuilder;
import org.reasonlab.core.prompt.ExampleSet;
import org.reasonlab.core.run.ErrorEvent;
import org.reasonlab.core.run.FinishedEvent;
import org.reasonlab.core.run.LoraRank;
import org.reasonlab.core.run.MessageEvent;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunRecords;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunSpecs;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.core.training.TrainingComposition;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.eval.EvalMain;
import org.reasonlab.train.eval.EvalResult;
import org.reasonlab.train.eval.Evaluator;
import org.reasonlab.train.eval.ModelAnswerSource;
import org.reasonlab.train.export.PeftExporter;
import org.reasonlab.train.generate.GenerationOptions;
import org.reasonlab.train.lora.LoraModel;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.model.Precision;
import org.reasonlab.train.model.TinyModelPreset;
import org.reasonlab.train.progress.EvalProgress;

/**
 * One {@code train} run in a set-up run folder: loads the dataset once, trains on its train split,
 * writes the adapter (and with {@code merged} the merged model), and evaluates the tuned model on the
 * evaluation split of the same loaded dataset. DJL work lives here rather than in {@link TrainMain},
 * so DJL classes load only after {@code DjlEnvironment.prepare}.
 */
final class TrainingSession {
    private final RunSpec spec;
    private final RunDirectory run;
    private final EventSink sink;
    private final PrintStream err;

    TrainingSession(RunSpec spec, RunDirectory run, EventSink sink, PrintStream err) {
        this.spec = spec;
        this.run = run;
        this.sink = sink;
        this.err = err;
    }

    /**
     * Trains to the end or until stopped (SIGTERM: a shutdown hook stops the loop after the current
     * step and waits for it); with {@code resume}, from the newest checkpoint. Returns the exit code:
     * 0 completed, 1 failed, 3 cancelled.
     */
    int train(boolean resume, boolean merged) {
        Instant start = Instant.now();
        Path tmpModel = null;
        try {
            LoadResult loaded = loadDataset();
            RunRecords records = RunRecords.of(loaded.dataset(), spec, spec.dataset());
            TrainingComposition composition = trainExamples(loaded, records);
            Path folder;
            if (RunSpec.TINY_MODEL.equals(spec.model())) {
                tmpModel = Files.createTempDirectory("reasonlab-tiny-");
                folder = TinyModelPreset.write(tmpModel);
                err.println("train: using the built-in tiny preset (random weights, for smoke tests)");
            } else {
                folder = Path.of(spec.model());
            }
            Device device = DjlEnvironment.device(spec.device());
            Precision precision = Precision.resolve(spec.precision(), device);
            // under auto the evaluation may compute in another precision: the base then stays float32
            boolean floatBase = RunSpec.TUNING_FULL.equals(spec.tuning())
                    || Precision.resolveForInference(spec.precision(), device) != precision;
            try (NDManager root = NDManager.newBaseManager(device);
                    LoadedModel model = ModelLoader.load(folder, root, device, precision, floatBase);
                    FineTuner tuner = new FineTuner(spec, model, composition.items(),
                            LabelContinuations.of(spec.template(), loaded.dataset().schema().names()), run, sink)) {
                warnIfRankReachesWidth(model.config().hiddenSize());
                if (spec.evalMaxNewTokens() == 0) {
                    recordEvalMaxNewTokens(tuner.data().longestAnswer(), tuner.data().longestPrompt());
                }
                Thread hook = new Thread(() -> {
                    tuner.requestStop();
                    try {
                        tuner.awaitFinished(Duration.ofMinutes(5));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "reasonlab-train-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                TrainResult result;
                try {
                    result = tuner.train(resume);
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the JVM is exiting: the hook is running and waits for us
                    }
                }
                err.printf(Locale.ROOT, "train: %s after step %d (%.0f tokens/s)%n", result.status().id(),
                        result.step(), result.tokensPerSecond());
                if (result.status() == RunStatus.COMPLETED && tuner.lora() != null) {
                    PeftExporter.writeAdapter(run.adapterDir(), tuner.lora(), spec.model());
                    sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.INFO, "adapter written to "
                            + RunDirectory.ADAPTER + "/"));
                }
                if (result.status() == RunStatus.COMPLETED && merged) {
                    writeMerged(run, model, tuner.lora(), sink);
                }
                if (result.status() == RunStatus.COMPLETED) {
                    evaluateAfterTraining(loaded.dataset(), records, composition, model, result.step());
                }
                if (result.status() == RunStatus.FAILED) {
                    err.println("train: " + result.error());
                }
                return switch (result.status()) {
                    case COMPLETED -> 0;
                    case CANCELLED -> 3;
                    default -> 1;
                };
            }
        } catch (Exception e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            err.println("train: " + msg);
            sink.emit(new ErrorEvent(Instant.now(), msg, e.getClass().getName()));
            sink.emit(new FinishedEvent(Instant.now(), RunStatus.FAILED,
                    Duration.between(start, Instant.now()).toNanos() / 1e9));
            return 1;
        } finally {
            if (tmpModel != null) {
                try {
                    Checkpoints.deleteTree(tmpModel);
                } catch (IOException ignored) {
                    // temp folder; the OS cleans it up
                }
            }
        }
    }

    /** LoRA of a rank as large as the model's width is no low-rank adaptation (e.g. r 64 on the tiny model). */
    private void warnIfRankReachesWidth(int hiddenSize) {
        if (RunSpec.TUNING_LORA.equals(spec.tuning())) {
            LoraRank.warning(spec.loraR(), hiddenSize).ifPresent(text -> {
                err.println("train: warning: " + text);
                sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.WARNING, text));
            });
        }
    }

    /** The spec's dataset file, read once for training and the evaluation after it. */
    private LoadResult loadDataset() throws IOException {
        Path file = Path.of(spec.dataset());
        if (!Files.isRegularFile(file)) {
            throw new IOException("dataset file not found: " + file);
        }
        return DatasetLoader.load(file);
    }

    /**
     * The examples to train on: the train records' (skipped ones reported), composed with the run's mixture and
     * counterfactual settings ({@link TrainingComposition}).
     */
    private TrainingComposition trainExamples(LoadResult loaded, RunRecords records) throws IOException {
        ExampleSet set = new ExampleBuilder(spec.template(), loaded.dataset().schema()).buildAll(records.train(), null);
        if (RunRecords.HOLDOUT.equals(records.evalName())) {
            sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.INFO, records.eval().size()
                    + " record(s) held out for evaluation (holdout " + spec.holdout() + ", split seed "
                    + spec.effectiveSplitSeed() + "); training on " + records.train().size()));
        }
        if (!set.skipped().isEmpty()) {
            sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.WARNING, set.skipped().size()
                    + " train record(s) skipped: " + set.skipCounts()));
        }
        if (set.examples().isEmpty()) {
            throw new IOException("dataset " + Path.of(spec.dataset()) + " has no usable training examples (split "
                    + spec.trainSplit() + ": " + records.train().size() + " record(s), " + set.skipped().size()
                    + " skipped" + (loaded.hasProblems() ? ", " + loaded.problems().size() + " line(s) with problems"
                    : "") + ")");
        }
        TrainingComposition composition = TrainingComposition.of(spec, loaded.dataset().schema(), records.train(),
                TrainingSession::openSource);
        composition.messages().forEach(m -> sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.WARNING, m)));
        if (!spec.mixture().isEmpty() || composition.variantsAdded() > 0) {
            sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.INFO, "training on "
                    + composition.items().size() + " example(s): " + composition.perSource().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                    + (composition.variantsAdded() > 0 ? " (" + composition.variantsAdded()
                            + " counterfactual variant(s) included)" : "")));
        }
        long paired = composition.items().stream().filter(i -> !i.variantPrompts().isEmpty()).count();
        if (spec.consistencyWeight() > 0) {
            sink.emit(new MessageEvent(Instant.now(), paired > 0 ? MessageEvent.Level.INFO : MessageEvent.Level.WARNING,
                    "consistency term (weight " + spec.consistencyWeight() + ") on " + paired
                            + " example(s) with counterfactual variants"));
        }
        return composition;
    }

    /** A mixture source's dataset; its unreadable lines are reported, the rest trained on. */
    private static LoadResult openSource(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("mixture dataset file not found: " + file);
        }
        return DatasetLoader.load(file);
    }

    /**
     * Sets the evaluation's generation length from the longest training answer and records it in
     * spec.json, so that an answer like the ones learnt is never cut before its verdict.
     */
    private void recordEvalMaxNewTokens(int longestAnswer, int longestPrompt) throws IOException {
        spec.setEvalMaxNewTokens(RunSpec.deriveEvalMaxNewTokens(longestAnswer, longestPrompt,
                spec.maxSequenceLength()));
        RunSpecs.write(spec, run.specFile());
        sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.INFO, "evaluation generates at most "
                + spec.evalMaxNewTokens() + " new tokens (the longest training answer has " + longestAnswer
                + " tokens, with EOS; the longest prompt " + longestPrompt + "); recorded in " + RunDirectory.SPEC));
    }

    /**
     * Evaluates the tuned model (adapters attached) on the run's evaluation records, marking those whose
     * statement occurs among the training records, and writes predictions.jsonl and metrics.json into the
     * run and an eval event after the finished one.
     */
    private void evaluateAfterTraining(Dataset dataset, RunRecords records, TrainingComposition composition,
            LoadedModel model, long step) throws IOException {
        if (records.eval().isEmpty()) {
            sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.WARNING,
                    "no records in split " + records.evalName() + ": evaluation skipped"));
            return;
        }
        Precision evalPrecision = Precision.resolveForInference(spec.precision(), model.device());
        if (evalPrecision != model.model().precision()) {
            model.model().setPrecision(evalPrecision);
            sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.INFO, "the evaluation computes in "
                    + evalPrecision.id() + " (precision auto: bf16 speeds up training on this CPU, not generation)"));
        }
        GenerationOptions options = GenerationOptions.greedy(spec.evalMaxNewTokens())
                .withStopStrings(EvalMain.STOP_STRINGS)
                .withMaxSequenceLength(spec.maxSequenceLength());
        ModelAnswerSource source = new ModelAnswerSource(model, options);
        // the split seed, not the run's: the runs of a sweep over seeds are evaluated on the same records
        List<DatasetRecord> sample = SplitRecords.sample(records.eval(), spec.evalSample(), spec.effectiveSplitSeed());
        // generated in batches of the training batch size (memory for it is there); same answers as one by one
        EvalResult result = new Evaluator(spec.mode(), spec.template(), spec.model())
                .batchSize(spec.batchSize()).trainedOn(trainedOn(records, composition))
                .progress(new EvalProgress("eval", err, sink::emit, Clock.systemUTC()))
                .evaluate(sample, dataset.schema(), records.evalName(), source)
                .withDataset(spec.dataset());
        if (source.truncatedPrompts() > 0) {
            sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.WARNING, source.truncatedPrompts()
                    + " evaluation prompt(s) shortened from the left to fit maxSequenceLength "
                    + spec.maxSequenceLength()));
        }
        result.write(run);
        Evaluator.emit(result, step, sink::emit);
        err.println(result.humanSummary());
    }

    /**
     * Every statement the run could have learnt: its train records' and those of the composition (mixture sources,
     * counterfactual variants), so that an evaluation record met in any of them is marked leaked.
     */
    private static TrainingStatements trainedOn(RunRecords records, TrainingComposition composition) {
        List<DatasetRecord> all = new ArrayList<>(records.train());
        all.addAll(composition.trainedOn());
        return TrainingStatements.of(all);
    }

    /**
     * Writes {@code merged/} in Hugging Face layout: the base with the LoRA deltas merged in, or
     * (full tuning, {@code lora == null}) the model's tuned weights as they are.
     */
    static void writeMerged(RunDirectory run, LoadedModel model, LoraModel lora, EventSink sink) throws IOException {
        Path dir = run.mergedDir();
        Checkpoints.deleteTree(dir);
        PeftExporter.writeMerged(dir, model, lora);
        sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.INFO, (lora != null
                ? "base model with the adapter merged in" : "tuned model") + " written to " + RunDirectory.MERGED + "/"));
    }
}
