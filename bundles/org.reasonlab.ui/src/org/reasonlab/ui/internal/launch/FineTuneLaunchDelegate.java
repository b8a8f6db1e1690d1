package org.reasonlab.ui.internal.launch;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.ui.internal.remote.RemoteLaunch;

/**
 * Launches a "ReasonLab Fine-tune" configuration ({@value LaunchAttributes#TYPE_ID}): checks it,
 * creates the run folder with its {@code spec.json} (the whole spec, through core's
 * {@link RunDirectory#create}) and starts {@code train --run-dir DIR --resume} in the trainer JVM,
 * which trains exactly that spec ({@code --resume} of a run without checkpoints starts at step 0);
 * or, for "evaluate base model", {@code eval} of the model on the evaluation split. Output goes to
 * the Console, progress to the Progress view ({@link TrainerJob}). A sweep (several seeds or modes) makes one run
 * folder per run and a run group file beside them, and trains them one after another ({@link LocalSweep}). On a
 * compute target (Target tab) the run folders are made the same way and submitted there ({@link RemoteLaunch}).
 */
public class FineTuneLaunchDelegate extends LaunchConfigurationDelegate {

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        start(configuration, launch);
    }

    /** Does the work of {@link #launch}; returns the job following the trainer (null for a compute target's run). */
    public static TrainerJob start(ILaunchConfiguration configuration, ILaunch launch) throws CoreException {
        LaunchSettings settings = LaunchSettings.of(configuration);
        String problem = settings.firstProblem();
        if (problem != null) {
            throw new CoreException(Status.error(configuration.getName() + ": " + problem));
        }
        if (settings.isRemote()) {
            RemoteLaunch.start(configuration.getName(), settings);
            return null;
        }
        List<Path> classPath;
        try {
            classPath = TrainerClassPath.resolve();
        } catch (IllegalStateException e) {
            throw new CoreException(Status.error(e.getMessage()));
        }
        if (settings.evaluateOnly()) {
            Path runDir = settings.runDirectory(configuration.getName(), LocalDateTime.now()).toAbsolutePath();
            if (new RunDirectory(runDir).holdsRun()) {
                throw new CoreException(Status.error("The run folder " + runDir
                        + " already holds a run: clear the Run folder field for a new one, or resume that run."));
            }
            TrainerCommand command = TrainerCommand.evaluate(settings, classPath, runDir);
            return TrainerLauncher.start(launch, command, "Evaluate " + configuration.getName(), false);
        }
        LaunchRuns runs = LaunchRuns.create(configuration.getName(), settings);
        if (runs.group() == null) {
            TrainerCommand command = TrainerCommand.train(settings, classPath, runs.folders().get(0));
            return TrainerLauncher.start(launch, command, "Fine-tune " + configuration.getName(), true);
        }
        runs.writeGroup();
        return LocalSweep.start(launch, settings, classPath, runs);
    }

    @Override
    public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        return false; // nothing to build: the trainer is installed
    }
}
