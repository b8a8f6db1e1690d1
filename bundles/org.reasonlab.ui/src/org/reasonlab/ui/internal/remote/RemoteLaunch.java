package org.reasonlab.ui.internal.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.ui.internal.launch.LaunchSettings;

/**
 * A "ReasonLab Fine-tune" launch on a compute target: makes the run folder (one per seed and mode of a sweep) with
 * its {@code spec.json} in the workspace, as a local launch does, and hands them to a {@link SubmitJob}.
 */
public final class RemoteLaunch {
    private RemoteLaunch() {
    }

    /** Creates the run folders and schedules their submission; returns the job. */
    public static SubmitJob start(String configurationName, LaunchSettings settings) throws CoreException {
        ComputeTarget target;
        try {
            target = TargetsFile.load().find(settings.target()).orElseThrow(() -> new CoreException(Status.error(
                    "No compute target '" + settings.target() + "' in " + TargetsFile.path()
                            + ": define it in Preferences > ReasonLab > Compute Targets.")));
        } catch (IOException e) {
            throw new CoreException(Status.error(FileErrors.describe(e), e));
        }
        List<Long> seeds = settings.seeds();
        List<TrainingMode> modes = settings.modes();
        boolean sweep = seeds.size() > 1 || modes.size() > 1;
        LocalDateTime now = LocalDateTime.now();
        String group = sweep ? LaunchSettings.safeName(configurationName) + "-"
                + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)) : null;
        List<Path> folders = new ArrayList<>();
        try {
            for (TrainingMode mode : modes) {
                for (Long seed : seeds) {
                    String suffix = !sweep ? "" : (modes.size() > 1 ? "-" + mode.id().replace("+", "").replace("->",
                            "") : "") + (seeds.size() > 1 ? "-seed" + seed : "");
                    Path folder = settings.runDirectory(LaunchSettings.safeName(configurationName) + suffix, now)
                            .toAbsolutePath();
                    RunDirectory run = new RunDirectory(folder);
                    if (run.holdsRun()) {
                        throw new CoreException(Status.error("The run folder " + folder + " already holds a run."));
                    }
                    RunSpec spec = settings.toSpec(LaunchSettings.safeName(folder.getFileName().toString()));
                    spec.setMode(mode);
                    spec.setSeed(seed);
                    spec.setCreated(Instant.now());
                    List<String> problems = spec.validate();
                    if (!problems.isEmpty()) {
                        throw new CoreException(Status.error("Invalid run settings: " + String.join("; ", problems)));
                    }
                    run.create(spec);
                    folders.add(folder);
                }
            }
        } catch (IOException e) {
            SubmitJob.removeLocal(folders);
            throw new CoreException(Status.error("Cannot create the run folder: " + FileErrors.describe(e), e));
        } catch (CoreException | RuntimeException e) {
            SubmitJob.removeLocal(folders);
            throw e;
        }
        SubmitJob job = new SubmitJob(target, folders, group, settings.get(
                org.reasonlab.ui.internal.launch.LaunchAttributes.HEAP));
        job.schedule();
        return job;
    }
}
