package org.reasonlab.ui.internal.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.ui.internal.remote.RemoteLaunch;

/**
 * Launches a "ReasonLab Fine-tune" configuration ({@value LaunchAttributes#TYPE_ID}): checks it,
 * creates the run folder with its {@code spec.json} (the whole spec, through core's
 * {@link RunDirectory#create}) and starts {@code train --run-dir DIR --resume} in the trainer JVM,
 * which trains exactly that spec ({@code --resume} of a run without checkpoints starts at step 0);
 * or, for "evaluate base model", {@code eval} of the model on the evaluation split. Output goes to
 * the Console, progress to the Progress view ({@link TrainerJob}). On a compute target (Target tab) the run folders
 * are made the same way and submitted there ({@link RemoteLaunch}).
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
        Path runDir = settings.runDirectory(configuration.getName(), LocalDateTime.now()).toAbsolutePath();
        RunDirectory run = new RunDirectory(runDir);
        if (run.holdsRun()) { // a run folder holds one run: event logs and checkpoints of two never mix
            throw new CoreException(Status.error("The run folder " + runDir
                    + " already holds a run: clear the Run folder field for a new one, or resume that run."));
        }
        if (settings.evaluateOnly()) {
            TrainerCommand command = TrainerCommand.evaluate(settings, classPath, runDir);
            return TrainerLauncher.start(launch, command, "Evaluate " + configuration.getName(), false);
        }
        RunSpec spec = settings.toSpec(LaunchSettings.safeName(runDir.getFileName().toString()));
        spec.setCreated(Instant.now());
        List<String> problems = spec.validate();
        if (!problems.isEmpty()) {
            throw new CoreException(Status.error("Invalid run settings: " + String.join("; ", problems)));
        }
        try {
            run.create(spec);
        } catch (IOException e) {
            throw new CoreException(Status.error("Cannot create the run folder: " + FileErrors.describe(e), e));
        }
        TrainerCommand command = TrainerCommand.train(settings, classPath, runDir);
        return TrainerLauncher.start(launch, command, "Fine-tune " + configuration.getName(), true);
    }

    @Override
    public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        return false; // nothing to build: the trainer is installed
    }
}
