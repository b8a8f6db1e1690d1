package org.reasonlab.ui.internal.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.ui.RunCommands;
import org.reasonlab.ui.internal.JobFamilies;
import org.reasonlab.ui.internal.WorkbenchTestSupport;
import org.reasonlab.ui.internal.launch.LaunchAttributes;
import org.reasonlab.ui.internal.launch.TrainerClassPath;
import org.reasonlab.ui.internal.launch.TrainerJob;
import org.reasonlab.ui.internal.samples.SampleLaunchConfigurations;
import org.reasonlab.ui.internal.samples.SampleProjectCreator;

/**
 * What a new user does with the sample workspace: run the ready L+R configuration to the end, find the run with
 * its metrics in the Runs view and open its page; then stop a second run and resume it from the Runs view.
 */
class SampleWorkflowTest {

    @AfterEach
    void tearDown() throws Exception {
        for (Job job : Job.getJobManager().find(JobFamilies.TRAINER)) {
            ((TrainerJob) job).requestStop();
            TrainerTestSupport.waitFor((TrainerJob) job);
        }
        WorkbenchTestSupport.page().closeAllEditors(false);
        WorkbenchTestSupport.deleteProject(SampleProjectCreator.PROJECT_NAME);
    }

    private static ILaunchConfiguration sample(IProject project, String name) {
        IFile file = project.getFile(name + ".launch");
        assertTrue(file.exists(), file + " is part of the sample project");
        return DebugPlugin.getDefault().getLaunchManager().getLaunchConfiguration(file);
    }

    @Test
    void sampleLabelAndReasonRunCompletesAndShowsInTheRunsView() throws Exception {
        assumeTrue(TrainerClassPath.trainerBundle().isPresent(), "org.reasonlab.train is not installed");
        IFile dataset = new SampleProjectCreator().createOrReuse(null);
        IProject project = dataset.getProject();
        for (String name : List.of(SampleLaunchConfigurations.PRETRAINED, SampleLaunchConfigurations.LABEL_ONLY,
                SampleLaunchConfigurations.LABEL_AND_REASON)) {
            sample(project, name);
        }
        ILaunchConfiguration lr = sample(project, SampleLaunchConfigurations.LABEL_AND_REASON);
        assertEquals("l+r", lr.getAttribute(LaunchAttributes.MODE, ""));
        assertEquals("tiny", lr.getAttribute(LaunchAttributes.MODEL, ""));

        RunsView view = (RunsView) WorkbenchTestSupport.page().showView(RunsView.ID);
        ILaunch launch = lr.launch(ILaunchManager.RUN_MODE, null);
        TrainerJob job = TrainerJob.of(launch);
        assertNotNull(job, "the launch is followed by a job in the Progress view");
        Path runDir = job.runDirectory();
        TrainerTestSupport.waitFor(job);
        assertEquals(RunStatus.COMPLETED, job.outcome(), () -> job.getResult().getMessage());
        assertTrue(Files.isRegularFile(new RunDirectory(runDir).metricsFile()));
        assertTrue(Files.isRegularFile(new RunDirectory(runDir).predictionsFile()));

        RunInfo row = TrainerTestSupport.waitForRun(view, runDir,
                r -> r.state() == RunState.COMPLETED && r.accuracy() != null);
        assertNotNull(row.accuracy(), "accuracy from metrics.json");
        assertTrue(row.misalignment() == null || row.misalignment() >= 0 && row.misalignment() <= 1,
                "no rate, or the automatic one, until reasons are reviewed");
        assertEquals(TrainingMode.L_PLUS_R, row.mode());
        assertTrue(row.accuracyText().endsWith("%"), row.accuracyText());
        assertTrue(row.hasPredictions());
        assertEquals(dataset.getFullPath().toString(), view.shownTexts(row.name())[5], "the dataset as a workspace path");

        view.select(row.name());
        WorkbenchTestSupport.execute(RunCommands.OPEN);
        RunEditor page = (RunEditor) WorkbenchTestSupport.page().getActiveEditor();
        assertNotNull(page, "the run page opened");
        WorkbenchTestSupport.waitUntil("the run page shows the run", () -> page.shownGeneration() > 0
                && page.shownMetrics().stream().anyMatch(m -> m[0].equals("accuracy")));
        assertTrue(page.shownLoss().length > 0, "the loss curve is drawn");
        assertTrue(page.shownStatus().startsWith("completed"), page.shownStatus());
    }

    @Test
    void secondRunIsCancelledWithACheckpointAndResumedFromTheRunsView() throws Exception {
        assumeTrue(TrainerClassPath.trainerBundle().isPresent(), "org.reasonlab.train is not installed");
        IFile dataset = new SampleProjectCreator().createOrReuse(null);
        ILaunchConfigurationWorkingCopy longRun = sample(dataset.getProject(), SampleLaunchConfigurations.LABEL_ONLY)
                .getWorkingCopy();
        longRun.setAttribute(LaunchAttributes.EPOCHS, "10000");
        longRun.setAttribute(LaunchAttributes.CHECKPOINT_EVERY, "0");
        longRun.setAttribute(LaunchAttributes.HEAP, "1g");

        RunsView view = (RunsView) WorkbenchTestSupport.page().showView(RunsView.ID);
        TrainerJob job = TrainerJob.of(longRun.launch(ILaunchManager.RUN_MODE, null));
        assertNotNull(job);
        TrainerTestSupport.spinUntil(() -> job.progress().step() >= 3 || job.getState() == Job.NONE);
        assertTrue(job.progress().step() >= 3, () -> "the trainer did not train: " + job.progress().stderrTail());
        TrainerTestSupport.waitForRun(view, job.runDirectory(), r -> r.state() == RunState.RUNNING);
        job.cancel();
        TrainerTestSupport.waitFor(job);
        assertEquals(RunStatus.CANCELLED, job.outcome(), () -> job.getResult().getMessage());
        RunDirectory run = new RunDirectory(job.runDirectory());
        List<Long> checkpoints = run.checkpointSteps();
        assertFalse(checkpoints.isEmpty(), "Cancel leaves a final checkpoint");
        long stoppedAt = checkpoints.get(checkpoints.size() - 1);

        RunInfo cancelled = TrainerTestSupport.waitForRun(view, run.root(), r -> r.state() == RunState.CANCELLED);
        view.select(cancelled.name());
        assertTrue(WorkbenchTestSupport.isEnabled(RunCommands.RESUME), "a cancelled run can be resumed");
        WorkbenchTestSupport.execute(RunCommands.RESUME);
        TrainerJob resumed = TrainerTestSupport.waitForJobOf(run.root(), job);
        TrainerTestSupport.spinUntil(() -> resumed.progress().step() > stoppedAt || resumed.getState() == Job.NONE);
        assertTrue(resumed.progress().step() > stoppedAt,
                () -> "continues after step " + stoppedAt + ": " + resumed.progress().stderrTail());
        TrainerTestSupport.waitForRun(view, run.root(), r -> r.state() == RunState.RUNNING);
        resumed.cancel();
        TrainerTestSupport.waitFor(resumed);
        assertEquals(RunStatus.CANCELLED, resumed.outcome());
        assertTrue(run.checkpointSteps().get(run.checkpointSteps().size() - 1) > stoppedAt,
                "the resumed run checkpointed further on");
    }
}
