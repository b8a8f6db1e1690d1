package org.reasonlab.remote.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.reasonlab.core.cli.CliArguments;
import org.reasonlab.core.cli.CliCommand;
import org.reasonlab.core.cli.SpecOptions;
import org.reasonlab.core.cli.UsageException;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.group.RunGroup;
import org.reasonlab.core.run.group.RunGroupFile;
import org.reasonlab.core.run.group.Sweep;
import org.reasonlab.core.run.group.SweepText;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.ComputeTargets;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.remote.Connection;
import org.reasonlab.remote.Connections;
import org.reasonlab.remote.Submission;

/**
 * {@code reasonlab submit --target NAME --run-dir DIR [train options] [--seeds 1,2,3] [--modes l,l+r]}: makes the
 * local run folder(s) from the {@code train} options, exactly as {@code train} would, and submits them to the
 * target. A sweep (several seeds, modes, ratios or lambdas: {@link Sweep}) becomes folders
 * {@code DIR-<mode>-ratio<R>-lambda<L>-seed<N>}, one SLURM job array, tied by a group id.
 */
public final class SubmitCommand implements CliCommand {
    /** The trainer's class path (the jars a local run uses), set by the {@code reasonlab} script. */
    public static final String CLASS_PATH_PROPERTY = "reasonlab.trainerClassPath";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Override
    public String name() {
        return "submit";
    }

    @Override
    public String usage() {
        return "--target NAME --run-dir DIR --dataset FILE [train options] [--seeds 1,2,3] [--modes l,l+r]"
                + " [--ratios 0.1,0.5 (the mixture's last source's share)] [--lambdas 0,1 (consistency weights)]"
                + " [--heap 8g] " + TargetArguments.USAGE;
    }

    @Override
    public String summary() {
        return "fine-tune on a compute target (SSH host or SLURM cluster); the run folder mirrors the remote one";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws UsageException, IOException {
        Set<String> options = new HashSet<>(SpecOptions.names());
        options.addAll(TargetArguments.OPTIONS);
        options.addAll(Set.of("target", "run-dir", "seeds", "modes", "ratios", "lambdas", "heap"));
        CliArguments args = CliArguments.parse(arguments, Set.of(CliArguments.HELP), options);
        String targetName = args.option("target").orElseThrow(() -> new UsageException("--target is required"));
        Path runDir = Path.of(args.option("run-dir").orElseThrow(() -> new UsageException("--run-dir is required")))
                .toAbsolutePath().normalize();
        ComputeTargets targets = TargetArguments.targets(args);
        ComputeTarget target = targets.find(targetName).orElseThrow(() -> new UsageException("no target \""
                + targetName + "\" in " + TargetArguments.targetsFile(args) + " (targets: "
                + String.join(", ", targets.names()) + ")"));
        if (target.isLocal()) {
            throw new UsageException("--target local: use reasonlab train to run on this machine");
        }
        String heap = args.option("heap").orElse(System.getenv().getOrDefault("REASONLAB_TRAINER_HEAP", "8g"));
        Sweep sweep = sweep(args);

        RunSpec base = new RunSpec();
        SpecOptions.apply(args, base);
        if (base.dataset() == null) {
            throw new UsageException("--dataset is required");
        }
        List<RunSpec> specs = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        List<Sweep.Member> members;
        try {
            members = sweep.members(base);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        for (Sweep.Member member : members) {
            RunSpec spec = member.spec();
            Path folder = runDir.resolveSibling(runDir.getFileName() + member.suffix());
            spec.setRunId(folder.getFileName().toString());
            spec.setCreated(Instant.now());
            if (spec.mode() != null && !spec.hasOwnTemplate()) {
                spec.setTemplate(spec.template());
            }
            List<String> problems = spec.validate();
            if (!problems.isEmpty()) {
                throw new UsageException("invalid settings: " + String.join("; ", problems));
            }
            if (new RunDirectory(folder).holdsRun()) {
                throw new UsageException("the run folder " + folder + " already holds a run");
            }
            specs.add(spec);
            folders.add(folder);
        }
        List<Path> classPath = trainerClassPath();
        List<Path> created = new ArrayList<>();
        try (Connection connection = Connections.open(target, TargetArguments.approval(args),
                TargetArguments.passphrases())) {
            for (int i = 0; i < folders.size(); i++) {
                boolean existed = Files.exists(folders.get(i));
                new RunDirectory(folders.get(i)).create(specs.get(i));
                if (!existed) {
                    created.add(folders.get(i));
                }
            }
            String group = sweep.isSweep() ? runDir.getFileName() + "-" + LocalDateTime.now().format(STAMP) : null;
            List<RunTarget> records = new Submission(connection, target, classPath, heap).submit(folders, group);
            String groupProblem = null;
            if (group != null) {
                try {
                    RunGroupFile.write(RunGroup.of(runDir.getParent(), group, RunGroup.Origin.SWEEP, Instant.now(),
                            folders));
                } catch (IOException e) { // the jobs run: keep their folders, say what is missing
                    groupProblem = "the run group file could not be written: " + e.getMessage();
                }
            }
            for (int i = 0; i < folders.size(); i++) {
                out.println(folders.get(i) + "  " + records.get(i).jobText() + "  " + records.get(i).remoteFolder());
            }
            if (group != null) {
                out.println("sweep " + group + ": " + folders.size() + " runs (group file "
                        + runDir.resolveSibling(group + RunGroupFile.SUFFIX) + ")");
            }
            if (groupProblem != null) {
                err.println("reasonlab submit: " + groupProblem);
            }
            return OK;
        } catch (IOException | RuntimeException e) {
            for (Path folder : folders) {
                new RunDirectory(folder).clearRun();
            }
            for (Path folder : created) {
                deleteIfEmpty(folder);
            }
            throw e;
        }
    }

    private static void deleteIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // not empty: files that were there before stay
        }
    }

    static List<Path> trainerClassPath() throws UsageException {
        String value = System.getProperty(CLASS_PATH_PROPERTY);
        if (value == null || value.isBlank()) {
            throw new UsageException("the trainer's class path is unknown (system property " + CLASS_PATH_PROPERTY
                    + "); run submit through the reasonlab script");
        }
        return Arrays.stream(value.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    /** The sweep of the --seeds, --modes, --ratios and --lambdas lists. */
    private static Sweep sweep(CliArguments args) throws UsageException {
        String option = "seeds";
        try {
            List<Long> seeds = SweepText.seeds(args.option(option).orElse(""));
            option = "modes";
            List<TrainingMode> modes = SweepText.modes(args.option(option).orElse(""));
            option = "ratios";
            List<Double> ratios = SweepText.ratios(args.option(option).orElse(""));
            option = "lambdas";
            List<Double> lambdas = SweepText.lambdas(args.option(option).orElse(""));
            option = "seeds/--modes/--ratios/--lambdas";
            return new Sweep(modes, seeds, ratios, lambdas);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + option + ": " + e.getMessage());
        }
    }
}
