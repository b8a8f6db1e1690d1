package org.reasonlab.train.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.model.SplitRecords;
import org.reasonlab.core.prompt.ExampleBuilder;
import org.reasonlab.core.prompt.ExampleSet;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.ErrorEvent;
import org.reasonlab.core.run.FinishedEvent;
import org.reasonlab.core.run.MessageEvent;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunEventLog;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunStatus;

/**
 * {@code train} command: {@code --dataset FILE --run-dir DIR [--mode l|l+r|r->l] [--model PATH|tiny]
 * [--tuning lora|full] [--epochs N] [--max-steps N] [--lr X] [--batch-size N] [--seed N]
 * [--device auto|cpu|gpu] [--precision auto|fp32|bf16] [--checkpoint-every N] [--merged] [--resume]}.
 * Builds a {@link RunSpec}
 * (or, with {@code --resume} and an existing {@code spec.json}, reads it), writes
 * {@code environment.json}, trains, and writes the LoRA adapter in PEFT layout to {@code adapter/};
 * with {@code --merged} (not kept in the spec: pass it again with {@code --resume}) also the tuned
 * model in Hugging Face layout to {@code merged/}: the base with the adapter merged in for LoRA, the
 * tuned weights for full tuning. A non-finite loss or gradient norm stops the run with an error
 * event naming the step and status failed; the checkpoints written before it stay. Events go to
 * {@code events.jsonl} and, as JSON lines, to {@code out}; human messages to {@code err}. Exit
 * codes: 0 completed, 1 failed, 2 bad arguments, 3 cancelled. On SIGTERM a shutdown hook stops the
 * loop after the current step, which writes a checkpoint and the finished event (status
 * cancelled); the JVM then exits with 143 (128 + SIGTERM), not 3.
 */
public final class TrainMain {
    static final String USAGE = "usage: train --dataset FILE --run-dir DIR [--mode l|l+r|r->l] [--model PATH|tiny]"
            + " [--tuning lora|full] [--epochs N] [--max-steps N] [--lr X] [--batch-size N] [--seed N]"
            + " [--device auto|cpu|gpu] [--precision auto|fp32|bf16] [--checkpoint-every N] [--merged] [--resume]";

    private TrainMain() {
    }

    /** Runs {@code train} in its own JVM: prepares DJL offline, then exits with {@link #run}'s code. */
    public static void main(String[] args) {
        org.reasonlab.train.DjlEnvironment.prepare();
        PrintStream out = new PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path dataset = null;
        Path runDir = null;
        boolean resume = false;
        boolean merged = false;
        RunSpec spec = new RunSpec();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--resume" -> resume = true;
                    case "--merged" -> merged = true;
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(a.startsWith("--") ? a + " needs a value" : "unknown argument " + a);
                        }
                        String v = args[++i];
                        switch (a) {
                            case "--dataset" -> dataset = Path.of(v);
                            case "--run-dir" -> runDir = Path.of(v);
                            case "--mode" -> spec.setMode(TrainingMode.parse(v).orElseThrow(
                                    () -> new IllegalArgumentException("--mode must be l, l+r or r->l, was " + v)));
                            case "--model" -> spec.setModel(v);
                            case "--tuning" -> spec.setTuning(v.toLowerCase(Locale.ROOT));
                            case "--epochs" -> spec.setEpochs(intArg(a, v));
                            case "--max-steps" -> spec.setMaxSteps(intArg(a, v));
                            case "--lr" -> spec.setLearningRate(doubleArg(a, v));
                            case "--batch-size" -> spec.setBatchSize(intArg(a, v));
                            case "--seed" -> spec.setSeed(Long.parseLong(v));
                            case "--device" -> spec.setDevice(v.toLowerCase(Locale.ROOT));
                            case "--precision" -> spec.setPrecision(v.toLowerCase(Locale.ROOT));
                            case "--checkpoint-every" -> spec.setCheckpointEvery(intArg(a, v));
                            default -> throw new IllegalArgumentException("unknown option " + a);
                        }
                    }
                }
            }
            if (runDir == null) {
                throw new IllegalArgumentException("--run-dir is required");
            }
            if (dataset == null && !(resume && Files.isRegularFile(runDir.resolve(RunDirectory.SPEC)))) {
                throw new IllegalArgumentException("--dataset is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("train: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        RunDirectory run = new RunDirectory(runDir);
        try {
            if (resume && Files.isRegularFile(run.specFile())) {
                spec = run.readSpec();
            } else {
                spec.setDataset(dataset.toAbsolutePath().toString());
                spec.setRunId(runId(runDir));
                spec.setCreated(Instant.now());
                if (spec.mode() != null && !spec.hasOwnTemplate()) {
                    spec.setTemplate(spec.template());
                }
                List<String> problems = spec.validate();
                if (!problems.isEmpty()) {
                    err.println("train: invalid settings: " + String.join("; ", problems));
                    return 2;
                }
                run.create(spec);
            }
        } catch (IOException | RuntimeException e) {
            err.println("train: cannot set up run folder " + runDir + ": " + e.getMessage());
            return 1;
        }
        try (RunEventLog log = run.openEventLog()) {
            EventSink sink = EventSink.all(EventSink.log(log), EventSink.jsonLines(out));
            return Djl.train(spec, run, resume, merged, sink, err);
        } catch (IOException e) {
            err.println("train: cannot write the event log in " + runDir + ": " + e.getMessage());
            return 1;
        }
    }

    /** Examples of the train split (all records when the file assigns no splits). */
    static ExampleSet trainExamples(RunSpec spec, EventSink sink) throws IOException {
        Path file = Path.of(spec.dataset());
        if (!Files.isRegularFile(file)) {
            throw new IOException("dataset file not found: " + file);
        }
        LoadResult loaded = DatasetLoader.load(file);
        Split split = Split.parse(spec.trainSplit()).orElse(Split.TRAIN);
        SplitRecords records = SplitRecords.of(loaded.dataset(), split);
        ExampleSet set = new ExampleBuilder(spec.template(), loaded.dataset().schema()).buildAll(records);
        if (records.all() && !records.isEmpty()) {
            sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.INFO,
                    "the dataset assigns no splits; training on all " + records.size() + " records"));
        }
        if (!set.skipped().isEmpty()) {
            sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.WARNING, set.skipped().size()
                    + " train record(s) skipped: " + set.skipCounts()));
        }
        if (set.examples().isEmpty()) {
            throw new IOException("dataset " + file + " has no usable training examples (split " + split.id() + ": "
                    + records.size() + " record(s), "
                    + set.skipped().size() + " skipped" + (loaded.hasProblems() ? ", " + loaded.problems().size()
                    + " line(s) with problems" : "") + ")");
        }
        return set;
    }

    private static String runId(Path runDir) {
        Path name = runDir.toAbsolutePath().normalize().getFileName();
        String id = name == null ? "run" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return id.isEmpty() || !Character.isLetterOrDigit(id.charAt(0)) ? "run-" + id : id;
    }

    private static int intArg(String name, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was " + v);
        }
    }

    private static double doubleArg(String name, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was " + v);
        }
    }

    /** DJL work, in its own class so DJL classes load only after {@code DjlEnvironment.prepare}. */
    static final class Djl {
        /**
         * Evaluates the tuned model (adapters attached) on the spec's evaluation split, writing
         * predictions.jsonl and metrics.json into the run and an eval event after the finished one.
         */
        static void evaluateAfterTraining(RunSpec spec, org.reasonlab.train.model.LoadedModel model, RunDirectory run,
                long step, EventSink sink, PrintStream err) throws IOException {
            org.reasonlab.core.model.Dataset dataset = DatasetLoader.load(Path.of(spec.dataset())).dataset();
            org.reasonlab.core.model.Split split = org.reasonlab.core.model.Split.parse(spec.evalSplit())
                    .orElse(org.reasonlab.core.model.Split.TEST);
            if (SplitRecords.of(dataset, split).isEmpty()) {
                sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.WARNING,
                        "no records in split " + split.id() + ": evaluation skipped"));
                return;
            }
            var options = org.reasonlab.train.generate.GenerationOptions.greedy(spec.evalMaxNewTokens())
                    .withStopStrings(org.reasonlab.train.eval.EvalMain.STOP_STRINGS)
                    .withMaxSequenceLength(spec.maxSequenceLength());
            var source = new org.reasonlab.train.eval.ModelAnswerSource(model, options);
            // generated in batches of the training batch size (memory for it is there); same answers as one by one
            var result = new org.reasonlab.train.eval.Evaluator(spec.mode(), spec.template(), spec.model())
                    .batchSize(spec.batchSize()).evaluate(dataset, split, source);
            if (source.truncatedPrompts() > 0) {
                sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.WARNING, source.truncatedPrompts()
                        + " evaluation prompt(s) shortened from the left to fit maxSequenceLength "
                        + spec.maxSequenceLength()));
            }
            result.write(run);
            org.reasonlab.train.eval.Evaluator.emit(result, step, sink::emit);
            err.println(result.humanSummary());
        }

        /**
         * Writes {@code merged/} in Hugging Face layout: the base with the LoRA deltas merged in, or
         * (full tuning, {@code lora == null}) the model's tuned weights as they are.
         */
        static void writeMerged(RunDirectory run, org.reasonlab.train.model.LoadedModel model,
                org.reasonlab.train.lora.LoraModel lora, EventSink sink) throws IOException {
            Path dir = run.mergedDir();
            Checkpoints.deleteTree(dir);
            org.reasonlab.train.export.PeftExporter.writeMerged(dir, model, lora);
            sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.INFO, (lora != null
                    ? "base model with the adapter merged in" : "tuned model") + " written to " + RunDirectory.MERGED + "/"));
        }

        static int train(RunSpec spec, RunDirectory run, boolean resume, boolean merged, EventSink sink,
                PrintStream err) {
            Instant start = Instant.now();
            Path tmpModel = null;
            try {
                ExampleSet examples = trainExamples(spec, sink);
                Path folder;
                if (RunSpec.TINY_MODEL.equals(spec.model())) {
                    tmpModel = Files.createTempDirectory("reasonlab-tiny-");
                    folder = org.reasonlab.train.model.TinyModelPreset.write(tmpModel);
                    err.println("train: using the built-in tiny preset (random weights, for smoke tests)");
                } else {
                    folder = Path.of(spec.model());
                }
                ai.djl.Device device = org.reasonlab.train.DjlEnvironment.device(spec.device());
                var precision = org.reasonlab.train.model.Precision.resolve(spec.precision(), device);
                try (ai.djl.ndarray.NDManager root = ai.djl.ndarray.NDManager.newBaseManager(device);
                        org.reasonlab.train.model.LoadedModel model = org.reasonlab.train.model.ModelLoader.load(
                                folder, root, device, precision, RunSpec.TUNING_FULL.equals(spec.tuning()));
                        FineTuner tuner = new FineTuner(spec, model, examples.examples(), run, sink)) {
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
                        org.reasonlab.train.export.PeftExporter.writeAdapter(run.adapterDir(), tuner.lora(), spec.model());
                        sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.INFO, "adapter written to "
                                + RunDirectory.ADAPTER + "/"));
                    }
                    if (result.status() == RunStatus.COMPLETED && merged) {
                        writeMerged(run, model, tuner.lora(), sink);
                    }
                    if (result.status() == RunStatus.COMPLETED) {
                        evaluateAfterTraining(spec, model, run, result.step(), sink, err);
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
    }
}
