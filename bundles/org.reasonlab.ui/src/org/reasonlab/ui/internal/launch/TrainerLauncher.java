package org.reasonlab.ui.internal.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.Launch;
import org.eclipse.debug.core.model.IProcess;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;
import org.reasonlab.ui.internal.WorkspaceRefresh;

/**
 * Starts the trainer JVM for a launch: the process in the Console ({@link TrainerProcess}) and its
 * {@link TrainerJob} in the Progress view. Also the entry to resume a stopped run
 * ({@link #resume(Path)}).
 */
public final class TrainerLauncher {
    private TrainerLauncher() {
    }

    /** Starts the command as a process of the launch and schedules its job. */
    static TrainerJob start(ILaunch launch, TrainerCommand command, String label, boolean training)
            throws CoreException {
        String[] cmd = command.commandLine().toArray(String[]::new);
        Path workDir = command.runDir();
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new CoreException(Status.error("Cannot create the run folder: " + FileErrors.describe(e), e));
        }
        launch.setAttribute(DebugPlugin.ATTR_CONSOLE_ENCODING, "UTF-8");
        launch.setAttribute(LaunchAttributes.LAUNCH_RUN_DIR, workDir.toString());
        TrainingProgress progress = new TrainingProgress();
        Process system = new ObservedProcess(DebugPlugin.exec(cmd, workDir.toFile(), command.environmentArray()),
                progress::stdout, progress::stderr);
        Map<String, String> attributes = new HashMap<>();
        attributes.put(IProcess.ATTR_PROCESS_TYPE, "reasonlab.trainer");
        attributes.put(IProcess.ATTR_CMDLINE, DebugPlugin.renderArguments(cmd, null));
        ReasonLabUiPlugin.runProcesses().register(workDir, system.toHandle());
        TrainerProcess process = new TrainerProcess(launch, system, label, attributes);
        TrainerJob job = new TrainerJob(label, launch, process, system, progress, workDir, training,
                WorkspaceRefresh.containerAbove(workDir));
        job.schedule();
        // the Runs view and the Project Explorer show the run while it runs
        WorkspaceRefresh.soon(workDir.resolve(RunDirectory.SPEC));
        return job;
    }

    /**
     * Resumes a stopped or crashed run: {@code train --run-dir DIR --resume} with the runtime
     * settings of the ReasonLab &gt; Training preferences (heap, device cache, offline, libtorch).
     * The run continues from its newest checkpoint with the spec it was created with.
     *
     * @return the job following the resumed run
     */
    public static TrainerJob resume(Path runDir) throws CoreException {
        return resume(runDir, LaunchSettings.of(Map.of()));
    }

    /** Like {@link #resume(Path)} with the runtime settings (Runtime tab) of the given settings. */
    public static TrainerJob resume(Path runDir, LaunchSettings runtime) throws CoreException {
        RunDirectory run = new RunDirectory(runDir);
        if (!Files.isRegularFile(run.specFile())) {
            throw new CoreException(Status.error("Not a run folder (no " + RunDirectory.SPEC + "): " + runDir));
        }
        String problem = runtime.problemOf(LaunchAttributes.RUNTIME);
        if (problem != null) {
            throw new CoreException(Status.error(problem));
        }
        List<Path> classPath;
        try {
            classPath = TrainerClassPath.resolve();
        } catch (IllegalStateException e) {
            throw new CoreException(Status.error(e.getMessage()));
        }
        TrainerCommand command = TrainerCommand.train(runtime, classPath, runDir.toAbsolutePath());
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunch launch = new Launch(null, ILaunchManager.RUN_MODE, null);
        manager.addLaunch(launch);
        return start(launch, command, "Resume " + runDir.getFileName(), true);
    }
}
