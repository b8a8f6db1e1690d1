package org.reasonlab.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reasonlab.core.counterfactual.BuiltinAttributeSets;
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.io.LabelSchemaFile;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunSpecs;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.JobScript;
import org.reasonlab.core.target.RemotePaths;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.core.target.ShellQuote;
import org.reasonlab.core.target.TargetKind;
import org.reasonlab.core.training.MixtureSource;
import org.reasonlab.remote.slurm.Slurm;

/**
 * Starts runs on a compute target. The caller has made each run's local folder with its {@code spec.json}; this
 * checks the target's Java, deploys the trainer ({@link TrainerDeployment}), creates each run's folder under
 * {@code workDir/runs/}, uploads {@code spec.json} and the dataset (with its label schema) into it, writes the job
 * script ({@code job.sbatch}, saved in the local folder too) and submits it: one SLURM job, one job array for a sweep,
 * or the detached trainer on an SSH host. Each local folder then gets its {@code target.json}. When anything fails,
 * the remote folders made so far are removed and no job is left: a failed submission leaves nothing behind.
 */
public final class Submission {
    private static final Pattern JAVA_VERSION = Pattern.compile("version \"(\\d+)(?:[.\"\\-+])");
    public static final int MINIMUM_JAVA = 21;

    private final Connection connection;
    private final ComputeTarget target;
    private final List<Path> trainerClassPath;
    private final String heap;
    private ScriptApproval approval = script -> true;

    /** Sees the job script before it is submitted; false stops the submission (nothing is left behind). */
    @FunctionalInterface
    public interface ScriptApproval {
        boolean approve(String scriptText);
    }

    /** Thrown when the {@link ScriptApproval} said no. */
    public static final class NotApproved extends IOException {
        private static final long serialVersionUID = 1L;

        NotApproved() {
            super("the job script was not approved; nothing was submitted");
        }
    }

    /** Shows the job script to someone before it is submitted (the workbench, before a target's first run). */
    public Submission withScriptApproval(ScriptApproval scriptApproval) {
        this.approval = scriptApproval;
        return this;
    }

    public Submission(Connection connection, ComputeTarget target, List<Path> trainerClassPath, String heap) {
        if (target.isLocal()) {
            throw new IllegalArgumentException("the local target runs the trainer directly, not by submission");
        }
        this.connection = connection;
        this.target = target;
        this.trainerClassPath = List.copyOf(trainerClassPath);
        this.heap = heap;
    }

    /**
     * Submits the runs: one run, or a sweep's runs (then {@code groupId} ties them together and SLURM gets one job
     * array; on an SSH host each starts its own trainer).
     *
     * @return each run's target record, as written to its {@code target.json}
     */
    public List<RunTarget> submit(List<Path> localRuns, String groupId) throws IOException {
        if (localRuns.isEmpty()) {
            throw new IllegalArgumentException("nothing to submit");
        }
        RemoteFiles files = new RemoteFiles(connection, target.workDir());
        checkJava(connection, target);
        TrainerDeployment.Deployed trainer = TrainerDeployment.deploy(files, trainerClassPath, target.usesGpu());
        List<String> made = new ArrayList<>();
        List<Path> localFilesWritten = new ArrayList<>();
        List<Runnable> stopStarted = new ArrayList<>(); // what was started, to end when a later step fails
        try {
            List<String> remoteRuns = new ArrayList<>();
            for (Path local : localRuns) {
                String remote = RemotePaths.under(target.workDir(), RemotePaths.RUNS, local.getFileName().toString());
                try {
                    files.mkdirNew(remote);
                } catch (RemoteCommandException e) {
                    throw new IOException(connection.where() + ": cannot create the run folder " + remote
                            + " (a run folder holds one run; is there one of that name already?): "
                            + e.result().stderr().strip(), e);
                }
                made.add(remote);
                uploadRun(files, local, remote);
                remoteRuns.add(remote);
            }
            String name = groupId != null ? groupId : localRuns.get(0).getFileName().toString();
            List<RunTarget> records = new ArrayList<>();
            if (target.kind() == TargetKind.SLURM) {
                JobScript script = new JobScript(target, remoteRuns, "reasonlab-" + name, trainer.folder(),
                        trainer.jars(), heap);
                String scriptFolder = remoteRuns.size() == 1 ? remoteRuns.get(0)
                        : RemotePaths.under(target.workDir(), RemotePaths.SWEEPS, groupId);
                if (remoteRuns.size() > 1) {
                    files.mkdirNew(scriptFolder);
                    made.add(scriptFolder);
                }
                files.write(RemotePaths.under(scriptFolder, JobScript.SBATCH_FILE), script.text());
                saveLocally(localRuns, script, localFilesWritten);
                if (!approval.approve(script.text())) {
                    throw new NotApproved();
                }
                Slurm slurm = new Slurm(connection);
                String jobId = slurm.submit(scriptFolder, JobScript.SBATCH_FILE);
                stopStarted.add(() -> quietly(() -> slurm.cancel(jobId)));
                Instant now = Instant.now();
                for (int i = 0; i < localRuns.size(); i++) {
                    RunTarget record = RunTarget.of(target, remoteRuns.get(i), trainer.folder())
                            .withJob(script.isArray() ? jobId + "_" + i : jobId, now);
                    records.add(groupId == null ? record : record.inSweep(groupId, i));
                }
            } else {
                DetachedTrainer detached = new DetachedTrainer(connection);
                for (int i = 0; i < localRuns.size(); i++) {
                    JobScript script = new JobScript(target, List.of(remoteRuns.get(i)), "reasonlab-" + name,
                            trainer.folder(), trainer.jars(), heap);
                    files.write(RemotePaths.under(remoteRuns.get(i), JobScript.DETACHED_FILE), script.text());
                    saveLocally(List.of(localRuns.get(i)), script, localFilesWritten);
                    if (i == 0 && !approval.approve(script.text())) {
                        throw new NotApproved();
                    }
                }
                for (int i = 0; i < localRuns.size(); i++) {
                    long pid = detached.start(remoteRuns.get(i));
                    String folder = remoteRuns.get(i);
                    stopStarted.add(() -> quietly(() -> connection.run(DetachedTrainer.check(pid, folder)
                            + " && pkill -KILL -s " + pid)));
                    RunTarget record = RunTarget.of(target, remoteRuns.get(i), trainer.folder())
                            .withPid(pid, Instant.now());
                    records.add(groupId == null ? record : record.inSweep(groupId, i));
                }
            }
            for (int i = 0; i < localRuns.size(); i++) {
                records.get(i).write(localRuns.get(i));
            }
            return records;
        } catch (IOException | RuntimeException e) {
            stopStarted.forEach(Runnable::run);
            for (String folder : made) {
                try {
                    files.removeTree(folder);
                } catch (IOException | RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            for (Path p : localFilesWritten) {
                Files.deleteIfExists(p);
            }
            throw e;
        }
    }

    private interface RemoteAction {
        void run() throws IOException;
    }

    /** Clean-up after a failure: its own failure must not hide the first. */
    private static void quietly(RemoteAction action) {
        try {
            action.run();
        } catch (IOException | RuntimeException e) {
            // the original error is what the user needs to see
        }
    }

    /** The job script in each local run folder: what was submitted, for the user to read. */
    private static void saveLocally(List<Path> localRuns, JobScript script, List<Path> written) throws IOException {
        for (Path local : localRuns) {
            Path file = local.resolve(script.fileName());
            AtomicFiles.write(file, out -> out.write(script.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            written.add(file);
        }
    }

    /**
     * spec.json and the files it names, uploaded into the run's {@code dataset/} folder with the spec pointing at the
     * copies: the dataset with its label schema, each other mixture source (with its label schema) in
     * {@code mixture/<i>/} so that it keeps its file name (a source's tag and counts are named after it), and the
     * attribute set files of counterfactual training and of the masks. Built-in attribute sets need no file.
     */
    private static void uploadRun(RemoteFiles files, Path local, String remote) throws IOException {
        RunSpec spec = new RunDirectory(local).readSpec();
        String remoteData = RemotePaths.under(remote, "dataset");
        RunSpec remoteSpec = spec.copy();
        remoteSpec.setDataset(uploadDataset(files, Path.of(spec.dataset()), remoteData, "the run's dataset"));
        List<MixtureSource> mixture = new ArrayList<>();
        for (int i = 0; i < spec.mixture().size(); i++) {
            MixtureSource source = spec.mixture().get(i);
            String folder = RemotePaths.under(remoteData, "mixture", Integer.toString(i));
            if (!source.isSelf()) {
                source = source.withDataset(uploadDataset(files, Path.of(source.dataset()), folder,
                        "mixture source " + source.name()));
            }
            if (source.maskAttributes() != null) {
                source = new MixtureSource(source.dataset(), source.ratio(), source.tag(), source.lossWeight(),
                        uploadAttributes(files, source.maskAttributes(), RemotePaths.under(folder, "mask")));
            }
            mixture.add(source);
        }
        remoteSpec.setMixture(mixture);
        if (spec.counterfactualAttributes() != null) {
            remoteSpec.setCounterfactualAttributes(uploadAttributes(files, spec.counterfactualAttributes(),
                    RemotePaths.under(remoteData, "attributes")));
        }
        files.write(RemotePaths.under(remote, RunDirectory.SPEC), RunSpecs.toJsonString(remoteSpec) + "\n");
    }

    /** Uploads a dataset and its label schema into {@code folder}; returns the remote dataset path. */
    private static String uploadDataset(RemoteFiles files, Path dataset, String folder, String what)
            throws IOException {
        if (!Files.isRegularFile(dataset)) {
            throw new IOException(what + " " + dataset + " does not exist");
        }
        files.mkdirs(folder);
        String remoteDataset = RemotePaths.under(folder, dataset.getFileName().toString());
        files.upload(dataset, remoteDataset);
        Path schema = LabelSchemaFile.sidecarFor(dataset);
        if (Files.isRegularFile(schema)) {
            files.upload(schema, RemotePaths.under(folder, schema.getFileName().toString()));
        }
        return remoteDataset;
    }

    /** A {@code builtin:} set as it is; a file uploaded into {@code folder}, its remote path returned. */
    private static String uploadAttributes(RemoteFiles files, String attributes, String folder) throws IOException {
        if (attributes.startsWith(BuiltinAttributeSets.PREFIX)) {
            return attributes;
        }
        Path file = Path.of(attributes);
        if (!Files.isRegularFile(file)) {
            throw new IOException("the attribute set file " + file + " does not exist");
        }
        files.mkdirs(folder);
        String remoteFile = RemotePaths.under(folder, file.getFileName().toString());
        files.upload(file, remoteFile);
        return remoteFile;
    }

    /**
     * {@code java -version} on the target: Java 21 or newer must be there.
     *
     * @return the version line
     */
    public static String checkJava(Connection connection, ComputeTarget target) throws IOException {
        CommandResult r = connection.run(ShellQuote.command(target.effectiveJava(), "-version"));
        if (!r.ok()) {
            throw new IOException(connection.where() + ": no Java at " + target.effectiveJava() + " (set \"java\" of"
                    + " target \"" + target.name() + "\" to a Java 21+ executable): `" + r.command() + "` failed (exit "
                    + r.exitCode() + "): " + r.stderr().strip());
        }
        String text = r.stderr() + r.stdout();
        Matcher m = JAVA_VERSION.matcher(text);
        if (!m.find()) {
            throw new IOException(connection.where() + ": cannot read the Java version from `" + r.command() + "`: "
                    + text.strip());
        }
        int major = Integer.parseInt(m.group(1));
        if (major < MINIMUM_JAVA) {
            throw new IOException(connection.where() + ": " + target.effectiveJava() + " is Java " + major
                    + "; the trainer needs Java " + MINIMUM_JAVA + " or newer");
        }
        return text.strip().lines().findFirst().orElse("");
    }
}
