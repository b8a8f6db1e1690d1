package org.reasonlab.train.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunEventLog;
import org.reasonlab.core.run.RunSpec;

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
            return new TrainingSession(spec, run, sink, err).train(resume, merged);
        } catch (IOException e) {
            err.println("train: cannot write the event log in " + runDir + ": " + e.getMessage());
            return 1;
        }
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
}
