package org.reasonlab.ui.internal.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.core.run.group.RunGroupFile;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.ui.RunCommands;
import org.reasonlab.ui.internal.JobFamilies;
import org.reasonlab.ui.internal.Screenshots;
import org.reasonlab.ui.internal.WorkbenchTestSupport;
import org.reasonlab.ui.internal.launch.LaunchAttributes;
import org.reasonlab.ui.internal.launch.TargetTab;
import org.reasonlab.ui.internal.launch.TrainerClassPath;
import org.reasonlab.ui.internal.remote.RemoteReattach;
import org.reasonlab.ui.internal.remote.RemoteRunJob;
import org.reasonlab.ui.internal.remote.SubmitJob;
import org.reasonlab.ui.internal.remote.TargetsFile;
import org.reasonlab.ui.internal.samples.SampleLaunchConfigurations;
import org.reasonlab.ui.internal.samples.SampleProjectCreator;

/**
 * The sample L+R (tiny) configuration on a SLURM target over SSH (a real one-node cluster and sshd on this machine):
 * it runs to completion and shows in the Runs view with its metrics; a second run is cancelled (checkpoint) and
 * resumed to completion; a 3-seed sweep gives 3 grouped runs; a restarted workbench reattaches.
 */
class RemoteTargetWorkflowTest {
    private static final String TARGET = "test-cluster";
    private ClusterFixture cluster;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(TrainerClassPath.trainerBundle().isPresent(), "org.reasonlab.train is not installed");
        cluster = ClusterFixture.start();
        ScopedPreferenceStore store = (ScopedPreferenceStore) TargetsFile.store();
        store.setValue(TargetsFile.PREFERENCE, cluster.targetsFile(TARGET).toString());
        store.setValue(SubmitJob.SCRIPT_SHOWN + TARGET, true); // the script dialog: seen before
        store.save();
    }

    @AfterEach
    void tearDown() throws Exception {
        RemoteRunJob.stopAll();
        Job.getJobManager().join(JobFamilies.REMOTE, null);
        WorkbenchTestSupport.page().closeAllEditors(false);
        WorkbenchTestSupport.deleteProject(SampleProjectCreator.PROJECT_NAME);
        ScopedPreferenceStore store = (ScopedPreferenceStore) TargetsFile.store();
        store.setToDefault(TargetsFile.PREFERENCE);
        store.setToDefault(SubmitJob.SCRIPT_SHOWN + TARGET);
        store.save();
        if (cluster != null) {
            cluster.close();
        }
    }

    private static ILaunchConfigurationWorkingCopy sampleOnCluster() throws Exception {
        IFile dataset = new SampleProjectCreator().createOrReuse(null);
        IFile file = dataset.getProject().getFile(SampleLaunchConfigurations.LABEL_AND_REASON + ".launch");
        ILaunchConfiguration config = DebugPlugin.getDefault().getLaunchManager().getLaunchConfiguration(file);
        ILaunchConfigurationWorkingCopy wc = config.getWorkingCopy();
        wc.setAttribute(LaunchAttributes.TARGET, TARGET);
        wc.setAttribute(LaunchAttributes.HEAP, "4g");
        wc.setAttribute(LaunchAttributes.EVAL_SAMPLE, "6"); // the sample's training; a shorter evaluation
        return wc;
    }

    /** The sample with a few steps and a short evaluation: for what is about the workflow, not the model. */
    private static ILaunchConfigurationWorkingCopy quickOnCluster(int steps) throws Exception {
        ILaunchConfigurationWorkingCopy wc = sampleOnCluster();
        wc.setAttribute(LaunchAttributes.MAX_STEPS, Integer.toString(steps));
        wc.setAttribute(LaunchAttributes.CHECKPOINT_EVERY, "0");
        wc.setAttribute(LaunchAttributes.EVAL_SAMPLE, "2");
        wc.setAttribute(LaunchAttributes.EVAL_MAX_NEW_TOKENS, "4");
        return wc;
    }

    /** Launches and waits for the submission; returns the run folders it made. */
    private static List<Path> launch(ILaunchConfigurationWorkingCopy wc) throws Exception {
        Set<Job> before = new HashSet<>(List.of(Job.getJobManager().find(JobFamilies.REMOTE)));
        wc.launch(ILaunchManager.RUN_MODE, null);
        SubmitJob[] submit = new SubmitJob[1];
        TrainerTestSupport.spinUntil(() -> {
            for (Job j : Job.getJobManager().find(JobFamilies.REMOTE)) {
                if (j instanceof SubmitJob s && !before.contains(s)) {
                    submit[0] = s;
                    return true;
                }
            }
            return false;
        });
        assertNotNull(submit[0], "the launch submits in the background");
        TrainerTestSupport.spinUntil(() -> submit[0].getState() == Job.NONE);
        assertTrue(submit[0].getResult().isOK(), () -> submit[0].getResult().getMessage());
        return submit[0].folders();
    }

    @Test
    void sampleRunsOnTheClusterIsCancelledAndResumedAndReattachedAfterARestart() throws Exception {
        RunsView view = (RunsView) WorkbenchTestSupport.page().showView(RunsView.ID);
        List<Path> first = launch(sampleOnCluster());
        assertEquals(1, first.size());
        Path run = first.get(0);
        RunTarget record = RunTarget.read(run).orElseThrow();
        assertTrue(Files.isRegularFile(run.resolve("job.sbatch")));

        // "Eclipse restart": nobody follows the run any more, then the start-up reattaches
        RemoteRunJob.stopAll();
        RemoteReattach.schedule();
        TrainerTestSupport.spinUntil(() -> RemoteRunJob.isWatched(run));
        RunInfo done = TrainerTestSupport.waitForRun(view, run,
                r -> r.state() == RunState.COMPLETED && r.accuracy() != null);
        assertEquals(TARGET + " \u00b7 job " + record.jobId(), done.targetText());
        assertEquals(TARGET + " \u00b7 job " + record.jobId(), view.shownTexts(done.name())[2]);
        assertTrue(Files.isRegularFile(run.resolve("metrics.json")));
        assertTrue(!Files.isDirectory(run.resolve("checkpoints/step-50")), "checkpoints stay on the target");
        view.select(done.name());
        assertTrue(WorkbenchTestSupport.isEnabled(RunCommands.DOWNLOAD));
        Job download = (Job) WorkbenchTestSupport.execute(RunCommands.DOWNLOAD);
        TrainerTestSupport.spinUntil(() -> download.getState() == Job.NONE);
        assertTrue(download.getResult().isOK(), () -> download.getResult().getMessage());
        assertTrue(Files.isDirectory(run.resolve("checkpoints/step-50")), "downloaded when asked");

        // a second, longer run: cancelled from the Runs view (checkpoint), resumed to completion
        ILaunchConfigurationWorkingCopy longer = quickOnCluster(60); // a minute of steps: long enough to be cancelled mid-run
        Path second = launch(longer).get(0);
        // running, with or without a step yet: on a fast machine the 60 steps take a few of the mirror's 2 s rounds
        RunInfo running = TrainerTestSupport.waitForRun(view, second, r -> r.state() == RunState.RUNNING);
        view.select(running.name());
        assertTrue(WorkbenchTestSupport.isEnabled(RunCommands.CANCEL), "a running remote run can be cancelled");
        WorkbenchTestSupport.execute(RunCommands.CANCEL);
        RunInfo cancelled = TrainerTestSupport.waitForRun(view, second, r -> r.state() == RunState.CANCELLED);
        view.select(cancelled.name());
        assertTrue(WorkbenchTestSupport.isEnabled(RunCommands.RESUME), "a cancelled remote run can be resumed");
        WorkbenchTestSupport.execute(RunCommands.RESUME);
        RunInfo resumed = TrainerTestSupport.waitForRun(view, second, r -> r.state() == RunState.COMPLETED);
        assertEquals(2, RunTarget.read(second).orElseThrow().jobs().size(), "resumed as a second job");
        assertTrue(resumed.accuracy() != null);
    }

    @Test
    void threeSeedSweepGivesThreeGroupedRunsAndQueuedJobsShowTheirReason() throws Exception {
        IWorkbenchPage page = Screenshots.requested(Screenshots.PROPERTY)
                ? Screenshots.reasonLabPerspective(WorkbenchTestSupport.window().getShell())
                : WorkbenchTestSupport.page();
        RunsView view = (RunsView) page.showView(RunsView.ID);
        // all CPUs taken: the tasks wait for resources until the occupying job is cancelled
        String occupant = cluster.occupyAllCpus();
        ILaunchConfigurationWorkingCopy sweep = quickOnCluster(3);
        sweep.setAttribute(LaunchAttributes.SEEDS, "1,2,3");
        List<Path> runs = launch(sweep);
        assertEquals(3, runs.size());
        Set<String> groups = new HashSet<>();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RunTarget record = RunTarget.read(runs.get(i)).orElseThrow();
            groups.add(record.groupId());
            jobs.add(record.jobId());
            assertEquals(i, record.arrayIndex());
            assertTrue(runs.get(i).getFileName().toString().contains("-seed" + (i + 1)), runs.get(i).toString());
        }
        assertEquals(1, groups.size(), "one group id ties the sweep together");
        // and a run group file beside the runs, which the Runs view shows as one row with the three runs
        Path groupFile = runs.get(0).getParent().resolve(groups.iterator().next() + RunGroupFile.SUFFIX);
        TrainerTestSupport.spinUntil(() -> Files.isRegularFile(groupFile));
        assertEquals(runs, RunGroupFile.read(groupFile).members());
        TrainerTestSupport.spinUntil(() -> view.shownGroups().stream().anyMatch(g -> g.members().size() == 3));
        assertTrue(jobs.get(0).endsWith("_0") && jobs.get(2).endsWith("_2"), jobs.toString());
        for (Path run : runs) {
            TrainerTestSupport.waitForRun(view, run, r -> r.statusText().startsWith("pending ("));
        }
        cluster.cancel(occupant);
        if (Screenshots.requested(Screenshots.PROPERTY)) {
            TrainerTestSupport.waitForRun(view, runs.get(0), r -> r.state() == RunState.RUNNING);
            view.getSite().getPage().activate(view);
            view.select(view.shownRuns().get(0).name());
            Screenshots.capture(view.getSite().getShell().getDisplay(),
                    new File(Screenshots.folder(Screenshots.PROPERTY), "runs-view-pending-and-running.png"));
        }
        for (Path run : runs) {
            TrainerTestSupport.waitForRun(view, run, r -> r.state() == RunState.COMPLETED);
        }
    }

    @Test
    void targetTabListsTheTargetsAndChecksTheCluster() throws Exception {
        Shell shell = new Shell(WorkbenchTestSupport.window().getShell(), SWT.SHELL_TRIM);
        try {
            shell.setText("Run Configurations: Target tab");
            shell.setLayout(new FillLayout());
            TargetTab tab = new TargetTab();
            tab.createControl(shell);
            ILaunchConfigurationWorkingCopy wc = sampleOnCluster();
            tab.initializeFrom(wc);
            shell.setBounds(60, 60, 900, 560);
            shell.open();
            tab.checkTargetWithoutDialog(wc);
            String text = tab.checkTextForTests();
            assertTrue(text.contains("OK  connected to root@127.0.0.1:" + cluster.sshPort), text);
            assertTrue(text.contains("version \""), "the Java version line: " + text);
            assertTrue(text.contains("OK  partition debug exists"), text);
            assertTrue(tab.isValid(wc), tab.getErrorMessage());
            if (Screenshots.requested(Screenshots.PROPERTY)) {
                Screenshots.capture(shell.getDisplay(), new File(Screenshots.folder(Screenshots.PROPERTY),
                        "target-tab.png"));
            }
            wc.setAttribute(LaunchAttributes.SEEDS, "1,x");
            assertTrue(!tab.isValid(wc) && tab.getErrorMessage().contains("Seeds must be whole numbers"),
                    tab.getErrorMessage());
        } finally {
            shell.dispose();
        }
    }
}
