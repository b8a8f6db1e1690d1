package org.reasonlab.train.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.reasonlab.core.cli.CliArguments;
import org.reasonlab.core.cli.UsageException;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunEventLog;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.train.cli.ModelArguments;
import org.reasonlab.train.cli.TrainerCommand;


/**
 * {@code train} command: {@code --dataset FILE --run-dir DIR [--mode l|l+r|r->l] [--model PATH|tiny]
 * [--tuning lora|full] [--epochs N] [--max-steps N] [--lr X] [--batch-size N] [--seed N]
 * [--device auto|cpu|gpu] [--precision auto|fp32|bf16] [--checkpoint-every N] [--holdout F] [--split-seed N]
 * [--merged] [--resume]}. {@code --holdout F} evaluates on a share F of the training records chosen with
 * {@code --split-seed} (default: the seed) instead of the dataset's evaluation split ({@code RunRecords}).
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
 * cancelled); the JVM then exits with 143 (128 + SIGTERM), not 3. {@code -h}/{@code --help} prints the
 * usage.
 */
public final class TrainMain extends TrainerCommand<TrainMain.Args> {
    static final String USAGE = "usage: train --dataset FILE --run-dir DIR [--mode l|l+r|r->l] [--model PATH|tiny]"
            + " [--tuning lora|full] [--epochs N] [--max-steps N] [--lr X] [--batch-size N] [--seed N]"
            + " [--device auto|cpu|gpu] [--precision auto|fp32|bf16] [--checkpoint-every N] [--holdout F] [--split-seed N] [--merged] [--resume]";

    private TrainMain() {
        super("train", USAGE, RunSpec.TINY_MODEL, Set.of("resume", "merged"), Set.of("dataset", "run-dir", "mode",
                "tuning", "epochs", "max-steps", "lr", "batch-size", "seed", "checkpoint-every", "holdout", "split-seed"));
    }

    /** Runs {@code train} in its own JVM: prepares DJL offline, then exits with {@link #run}'s code. */
    public static void main(String[] args) {
        exit(new TrainMain(), args);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new TrainMain().call(args, out, err);
    }

    /**
     * Parsed arguments: {@code spec} holds the settings given (the defaults otherwise); {@code dataset}
     * is null only for {@code --resume} of a run folder that has a spec.
     */
    record Args(Path dataset, Path runDir, boolean resume, boolean merged, RunSpec spec) {
    }

    @Override
    protected Args parse(CliArguments args, ModelArguments model) throws UsageException {
        RunSpec spec = new RunSpec();
        spec.setModel(model.model());
        spec.setDevice(model.device());
        spec.setPrecision(model.precision());
        spec.setMode(mode(args, spec.mode()));
        spec.setTuning(args.option("tuning").map(v -> v.toLowerCase(Locale.ROOT)).orElse(spec.tuning()));
        spec.setEpochs(args.intOption("epochs", spec.epochs()));
        if (args.option("max-steps").isPresent()) {
            spec.setMaxSteps(args.intOption("max-steps", 0));
        }
        spec.setLearningRate(args.doubleOption("lr", spec.learningRate()));
        spec.setBatchSize(args.intOption("batch-size", spec.batchSize()));
        spec.setSeed(args.longOption("seed", spec.seed()));
        spec.setCheckpointEvery(args.intOption("checkpoint-every", spec.checkpointEvery()));
        if (args.option("holdout").isPresent()) {
            spec.setHoldout(args.doubleOption("holdout", 0));
        }
        if (args.option("split-seed").isPresent()) {
            spec.setSplitSeed(args.longOption("split-seed", 0));
        }
        Path runDir = Path.of(required(args, "run-dir"));
        boolean resume = args.flag("resume");
        Path dataset = args.option("dataset").map(Path::of).orElse(null);
        if (dataset == null && !(resume && Files.isRegularFile(runDir.resolve(RunDirectory.SPEC)))) {
            throw new UsageException("--dataset is required");
        }
        return new Args(dataset, runDir, resume, args.flag("merged"), spec);
    }

    @Override
    protected int execute(Args args, PrintStream out, PrintStream err) {
        Path runDir = args.runDir();
        boolean resume = args.resume();
        RunSpec spec = args.spec();
        RunDirectory run = new RunDirectory(runDir);
        try {
            if (resume && Files.isRegularFile(run.specFile())) {
                spec = run.readSpec();
            } else {
                spec.setDataset(args.dataset().toAbsolutePath().toString());
                spec.setRunId(runId(runDir));
                spec.setCreated(Instant.now());
                if (spec.mode() != null && !spec.hasOwnTemplate()) {
                    spec.setTemplate(spec.template());
                }
                List<String> problems = spec.validate();
                if (!problems.isEmpty()) {
                    err.println("train: invalid settings: " + String.join("; ", problems));
                    return BAD_ARGUMENTS;
                }
                run.create(spec);
            }
        } catch (IOException | RuntimeException e) {
            err.println("train: cannot set up run folder " + runDir + ": " + e.getMessage());
            return FAILED;
        }
        try (RunEventLog log = run.openEventLog()) {
            EventSink sink = EventSink.all(EventSink.log(log), EventSink.jsonLines(out));
            return new TrainingSession(spec, run, sink, err).train(resume, args.merged());
        } catch (IOException e) {
            err.println("train: cannot write the event log in " + runDir + ": " + e.getMessage());
            return FAILED;
        }
    }

    private static String runId(Path runDir) {
        Path name = runDir.toAbsolutePath().normalize().getFileName();
        String id = name == null ? "run" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return id.isEmpty() || !Character.isLetterOrDigit(id.charAt(0)) ? "run-" + id : id;
    }
}
