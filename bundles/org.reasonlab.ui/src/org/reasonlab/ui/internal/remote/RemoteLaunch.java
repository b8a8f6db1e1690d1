package org.reasonlab.ui.internal.remote;

import java.io.IOException;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.ui.internal.launch.LaunchRuns;
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
        LaunchRuns runs = LaunchRuns.create(configurationName, settings);
        SubmitJob job = new SubmitJob(target, runs, settings.get(
                org.reasonlab.ui.internal.launch.LaunchAttributes.HEAP));
        job.schedule();
        return job;
    }
}
