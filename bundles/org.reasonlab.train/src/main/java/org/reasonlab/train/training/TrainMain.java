package org.reasonlab.train.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.reasonlab.core.cli.SpecOptions;
import org.reasonlab.core.cli.CliArguments;
import org.reasonlab.core.cli.UsageException;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunEventLog;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunSpecs;
import org.reasonlab.train.cli.ModelArguments;
import org.reasonlab.train.cli.TrainerCommand;
import org.reasonlab.train.progress.StepProgress;


/**
 * {@code train} command: builds a {@link RunSpec} from ReasonLab's defaults, or a {@code --spec FILE}, then a
 * {@code --preset}, then the options given ({@link SpecOptions}, one per {@code spec.json} field), each over the
 * one before; or, with {@code --resume} and an existing {@code spec.json}, reads that. Checks it
 * ({@link RunSpec#validate()}), writes {@code environment.json}, trains, and writes the LoRA adapter in PEFT layout
 * to {@code adapter/}; with {@code --merged} (not kept in the spec: pass it again with {@code --resume}) also the
 * tuned model in Hugging Face layout to {@code merged/}: the base with the adapter merged in for LoRA, the
 * tuned weights for full tuning. A run folder holds one run: a folder that holds one already is refused unless
 * {@code --resume} continues it or {@code --force} clears its run files first. A non-finite loss or gradient norm
 * stops the run with an error event naming the step and status failed; the checkpoints written before it stay.
 * Events go to {@code events.jsonl} and, as JSON lines, to {@code out}; human messages to {@code err}. Exit
 * codes: 0 completed, 1 failed, 2 bad arguments (or a folder holding a run), 3 cancelled. On SIGTERM a shutdown
 * hook stops the loop after the current step, which writes a checkpoint and the finished event (status
 * cancelled); the JVM then exits with 143 (128 + SIGTERM), not 3. {@code -h}/{@code --help} prints the usage.
 */
public final class TrainMain extends TrainerCommand<TrainMain.Args> {
    static final String USAGE = usageText();

    private TrainMain() {
        super("train", USAGE, RunSpec.TINY_MODEL, Set.of("resume", "merged", "force"), options());
    }

    private static Set<String> options() {
        Set<String> options = new LinkedHashSet<>(SpecOptions.names());
        options.add("run-dir");
        options.add("spec");
        return options;
    }

    private static String usageText() {
        StringBuilder u = new StringBuilder("usage: train --dataset FILE --run-dir DIR [OPTION]...\n"
                + "       train --spec FILE --run-dir DIR [OPTION]...\n"
                + "       train --run-dir DIR --resume [--merged]\n");
        line(u, "--run-dir DIR", "the run folder; one that holds a run needs --resume or --force");
        line(u, "--spec FILE", "start from this spec.json (its runId and created are replaced)");
        for (SpecOptions.SpecOption o : SpecOptions.ALL) {
            line(u, o.usage(), "sets " + o.field());
        }
        line(u, "--merged", "also write merged/, the tuned model in Hugging Face layout");
        line(u, "--resume", "continue the run in --run-dir from its newest checkpoint");
        line(u, "--force", "remove the run files of the run in --run-dir first (not other files)");
        line(u, "-h, --help", "this text");
        return u.append("Options given beside --spec or --preset win over their values; limits as in spec.json.")
                .toString();
    }

    private static void line(StringBuilder usage, String option, String meaning) {
        usage.append(String.format(Locale.ROOT, "  %-37s %s%n", option, meaning));
    }

    /** Runs {@code train} in its own JVM: prepares DJL offline, then exits with {@link #run}'s code. */
    public static void main(String[] args) {
        exit(new TrainMain(), args);
    }

    /** Every flag and option of the command, for its usage's test. */
    public static Set<String> declaredOptions() {
        return new TrainMain().optionNames();
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new TrainMain().call(args, out, err);
    }

    /** Parsed arguments: {@code spec} holds the settings given (the defaults otherwise), without run id and time. */
    record Args(Path runDir, boolean resume, boolean force, boolean merged, RunSpec spec) {
    }

    @Override
    protected Args parse(CliArguments args, ModelArguments model) throws UsageException {
        Path runDir = Path.of(required(args, "run-dir"));
        boolean resume = args.flag("resume");
        boolean force = args.flag("force");
        if (resume && force) {
            throw new UsageException("give --resume (continue the run) or --force (start a new one), not both");
        }
        RunSpec spec = new RunSpec();
        Optional<String> specFile = args.option("spec");
        if (specFile.isPresent()) {
            try {
                spec = RunSpecs.read(Path.of(specFile.get()));
            } catch (IOException | RuntimeException e) {
                throw new UsageException("--spec: cannot read " + specFile.get() + ": " + FileErrors.describe(e));
            }
        }
        SpecOptions.apply(args, spec);
        boolean resumesSpec = resume && Files.isRegularFile(runDir.resolve(RunDirectory.SPEC));
        if (spec.dataset() == null && !resumesSpec) {
            throw new UsageException("--dataset is required");
        }
        return new Args(runDir, resume, force, args.flag("merged"), spec);
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
                if (run.holdsRun() && resume) {
                    err.println("train: cannot resume the run in " + runDir + ": it has no " + RunDirectory.SPEC);
                    return BAD_ARGUMENTS;
                }
                if (run.holdsRun() && !args.force()) {
                    err.println("train: the run folder " + runDir + " already holds a run (" + RunDirectory.SPEC + ", "
                            + RunDirectory.EVENTS + " or " + RunDirectory.CHECKPOINTS + "/): pass --resume to continue"
                            + " it, or --force to remove its run files and start a new run there");
                    return BAD_ARGUMENTS;
                }
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
                if (run.holdsRun()) {
                    run.clearRun();
                    err.println("train: --force: removed the earlier run's files from " + runDir);
                }
                run.create(spec);
            }
        } catch (IOException | RuntimeException e) {
            err.println("train: cannot set up run folder " + runDir + ": " + e.getMessage());
            return FAILED;
        }
        try (RunEventLog log = run.openEventLog()) {
            EventSink sink = EventSink.all(EventSink.log(log), EventSink.jsonLines(out),
                    StepProgress.wanted() ? new StepProgress(err) : e -> { });
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
