package org.reasonlab.ui.internal.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunPreset;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunSpecs;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.ui.internal.WorkbenchTestSupport;
import org.reasonlab.ui.internal.runs.TrainerTestSupport;

/**
 * The fine-tune launch: tab validation, shared configuration files, the trainer's class path, and
 * (when the trainer bundle is installed in the test runtime) a real run of the tiny preset, a cancel
 * with a checkpoint and its resume.
 */
class FineTuneLaunchTest {
    private static final String PROJECT = "launch-test";
    private IProject project;
    private IFile dataset;

    @BeforeEach
    void setUp() throws CoreException {
        project = WorkbenchTestSupport.createProject(PROJECT);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            String label = i % 2 == 0 ? "ethical" : "unethical";
            String split = i < 16 ? "train" : "test";
            b.append("{\"id\":\"r").append(i).append("\",\"statement\":\"I helped person ").append(i).append(" today.\",\"label\":\"").append(label)
                    .append("\",\"reason\":\"Because reason ").append(i).append(".\",\"split\":\"").append(split)
                    .append("\"}\n");
        }
        dataset = WorkbenchTestSupport.writeFile(project, "data.jsonl", b.toString());
        WorkbenchTestSupport.writeFile(project, "notes.txt", "not a dataset\n");
    }

    @AfterEach
    void tearDown() throws CoreException {
        LaunchTestSupport.terminateLaunches();
        WorkbenchTestSupport.deleteProject(PROJECT);
    }

    private static ILaunchConfigurationType type() {
        return LaunchTestSupport.type();
    }

    private ILaunchConfigurationWorkingCopy config(String name) throws CoreException {
        return LaunchTestSupport.config(name, dataset);
    }

    private static String errorOf(FineTuneTab tab, ILaunchConfiguration config) {
        return LaunchTestSupport.errorOf(tab, config);
    }

    @Test
    void defaultsAreValid() throws CoreException {
        ILaunchConfigurationWorkingCopy wc = config("valid");
        assertNull(errorOf(new DataTab(), wc));
        assertNull(errorOf(new ModelTab(), wc));
        assertNull(errorOf(new TrainingTab(), wc));
        assertNull(errorOf(new RuntimeTab(), wc));
    }

    @Test
    void dataTabNamesTheProblem() throws CoreException {
        ILaunchConfigurationWorkingCopy wc = config("data");
        wc.setAttribute(LaunchAttributes.DATASET, "");
        assertEquals("Choose the dataset file (.jsonl or .csv).", errorOf(new DataTab(), wc));
        wc.setAttribute(LaunchAttributes.DATASET, "/" + PROJECT + "/missing.jsonl");
        assertTrue(errorOf(new DataTab(), wc).startsWith("Dataset file not found"));
        wc.setAttribute(LaunchAttributes.DATASET, "/" + PROJECT + "/notes.txt");
        assertTrue(errorOf(new DataTab(), wc).contains("is not a dataset"));
        wc.setAttribute(LaunchAttributes.DATASET, dataset.getFullPath().toString());
        wc.setAttribute(LaunchAttributes.TEMPLATE_PROMPT, "Statement: {statement}");
        assertTrue(errorOf(new DataTab(), wc).startsWith("Template: give both"));
        wc.setAttribute(LaunchAttributes.TEMPLATE_ANSWER, "{label}");
        assertTrue(errorOf(new DataTab(), wc).contains("{reason}"), "l+r needs the reason");
        wc.setAttribute(LaunchAttributes.MODE, "l");
        assertNull(errorOf(new DataTab(), wc));
    }

    @Test
    void modelTabChecksTheFolder() throws Exception {
        ILaunchConfigurationWorkingCopy wc = config("model");
        Path folder = Files.createTempDirectory("reasonlab-model-");
        wc.setAttribute(LaunchAttributes.MODEL, folder.toString());
        assertTrue(errorOf(new ModelTab(), wc).contains("no config.json"));
        wc.setAttribute(LaunchAttributes.MODEL, folder.resolve("nope").toString());
        assertTrue(errorOf(new ModelTab(), wc).startsWith("Model folder not found"));
        wc.setAttribute(LaunchAttributes.MODEL, "tiny");
        wc.setAttribute(LaunchAttributes.LORA_R, "0");
        assertEquals("LoRA r must be a whole number from 1 to 1024, not 0.", errorOf(new ModelTab(), wc));
        wc.setAttribute(LaunchAttributes.LORA_R, "8");
        wc.setAttribute(LaunchAttributes.LORA_DROPOUT, "1.5");
        assertTrue(errorOf(new ModelTab(), wc).startsWith("LoRA dropout"));
        wc.setAttribute(LaunchAttributes.TUNING, "full");
        assertNull(errorOf(new ModelTab(), wc), "LoRA settings do not matter for full tuning");
    }

    @Test
    void trainingAndRuntimeTabsCheckNumbers() throws CoreException {
        ILaunchConfigurationWorkingCopy wc = config("numbers");
        wc.setAttribute(LaunchAttributes.LEARNING_RATE, "fast");
        assertTrue(errorOf(new TrainingTab(), wc).startsWith("Learning rate must be a number"));
        wc.setAttribute(LaunchAttributes.LEARNING_RATE, "2e-4");
        wc.setAttribute(LaunchAttributes.EPOCHS, "0");
        assertEquals("Epochs must be a whole number from 1 to 10000, not 0.", errorOf(new TrainingTab(), wc));
        wc.setAttribute(LaunchAttributes.EPOCHS, "3");
        wc.setAttribute(LaunchAttributes.MAX_STEPS, "-1");
        assertTrue(errorOf(new TrainingTab(), wc).startsWith("Max steps"));
        wc.setAttribute(LaunchAttributes.MAX_STEPS, "");
        assertNull(errorOf(new TrainingTab(), wc));
        wc.setAttribute(LaunchAttributes.HEAP, "lots");
        assertTrue(errorOf(new RuntimeTab(), wc).startsWith("Heap must be a size"));
        wc.setAttribute(LaunchAttributes.HEAP, "2g");
        wc.setAttribute(LaunchAttributes.JAVA_HOME, "/no/such/jdk");
        assertTrue(errorOf(new RuntimeTab(), wc).startsWith("Java runtime folder not found"));
        wc.setAttribute(LaunchAttributes.JAVA_HOME, "");
        assertNull(errorOf(new RuntimeTab(), wc));
    }

    @Test
    void thePaperPresetFillsTheTabsAndIsRecordedInTheSpec() throws CoreException {
        ILaunchConfigurationWorkingCopy wc = config("preset");
        Shell shell = new Shell(WorkbenchTestSupport.window().getShell());
        TrainingTab tab = new TrainingTab();
        try {
            tab.createControl(shell);
            tab.initializeFrom(wc);
            tab.applyPreset("dfar-paper");
            tab.performApply(wc);
        } finally {
            tab.dispose();
            shell.dispose();
        }
        assertEquals("dfar-paper", wc.getAttribute(LaunchAttributes.PRESET, ""));
        assertEquals("0.03", wc.getAttribute(LaunchAttributes.WARMUP_RATIO, ""));
        assertEquals("true", wc.getAttribute(LaunchAttributes.LOSS_ON_PROMPT, ""));
        LaunchSettings.presetValues("dfar-paper").forEach(wc::setAttribute); // what the Model and Data tabs receive
        assertNull(LaunchSettings.of(wc).firstProblem());
        RunSpec spec = LaunchSettings.of(wc).toSpec("paper");
        assertEquals("dfar-paper", spec.preset());
        assertEquals(10, spec.epochs());
        assertEquals("constant", spec.schedule());
        assertEquals(0.03, spec.warmupRatio());
        assertEquals(0.3, spec.gradientClipping());
        assertTrue(spec.lossOnPrompt());
        assertEquals(List.of(), spec.validate());
        RunSpec paper = new RunSpec();
        RunPreset.DFAR_PAPER.applyTo(paper);
        paper.setRunId("paper");
        paper.setDataset(spec.dataset());
        paper.setDevice(spec.device());
        paper.setSeed(spec.seed());
        assertEquals(RunSpecs.toJson(paper), RunSpecs.toJson(spec), "the launch's spec is the preset's");

        LaunchSettings.presetValues("").forEach(wc::setAttribute);
        RunSpec defaults = LaunchSettings.of(wc).toSpec("defaults");
        assertNull(defaults.preset());
        assertNull(defaults.warmupRatio());
        assertFalse(defaults.lossOnPrompt());
    }

    @Test
    void modelTabWarnsWhenLoraRankReachesTheHiddenSize() throws CoreException {
        ILaunchConfigurationWorkingCopy wc = config("rank");
        wc.setAttribute(LaunchAttributes.LORA_R, "64");
        Shell shell = new Shell(WorkbenchTestSupport.window().getShell());
        ModelTab tab = new ModelTab();
        try {
            tab.createControl(shell);
            tab.initializeFrom(wc);
            assertTrue(tab.isValid(wc), "a warning, not an error");
            assertTrue(tab.getMessage() != null && tab.getMessage().contains("hidden size 64"), tab.getMessage());
            wc.setAttribute(LaunchAttributes.LORA_R, "8");
            assertTrue(tab.isValid(wc));
            assertNull(tab.getMessage());
        } finally {
            tab.dispose();
            shell.dispose();
        }
    }

    @Test
    void aRunFolderHoldingARunIsRefusedForTrainingAndEvaluation() throws Exception {
        assumeTrue(TrainerClassPath.trainerBundle().isPresent(), "org.reasonlab.train is not installed");
        Path folder = Files.createTempDirectory("reasonlab-held-");
        Files.writeString(folder.resolve(RunDirectory.EVENTS), "{}\n");
        for (String action : List.of(LaunchAttributes.ACTION_TRAIN, LaunchAttributes.ACTION_EVALUATE)) {
            ILaunchConfigurationWorkingCopy wc = config("held-" + action);
            wc.setAttribute(LaunchAttributes.RUN_DIR, folder.toString());
            wc.setAttribute(LaunchAttributes.ACTION, action);
            CoreException e = assertThrows(CoreException.class, () -> FineTuneLaunchDelegate.start(wc, null));
            assertTrue(e.getMessage().contains("already holds a run"), e.getMessage());
        }
        assertEquals("{}\n", Files.readString(folder.resolve(RunDirectory.EVENTS)));
    }

    @Test
    void shortcutConfigurationIsASharedFileThatReadsBack() throws CoreException {
        assumeTrue(type() != null, "the launch configuration type is not registered (plugin.xml)");
        FineTuneShortcut shortcut = new FineTuneShortcut.LabelOnly();
        ILaunchConfiguration config = shortcut.configurationFor(dataset);
        assertNotNull(config.getFile(), "stored in the project, not in the workspace metadata");
        assertTrue(config.getFile().exists());
        assertEquals(project, config.getFile().getProject());
        assertEquals("l", config.getAttribute(LaunchAttributes.MODE, ""));
        assertEquals(dataset.getFullPath().toString(), config.getAttribute(LaunchAttributes.DATASET, ""));
        // read back from the file alone
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfiguration read = manager.getLaunchConfiguration(config.getFile());
        assertEquals("l", read.getAttribute(LaunchAttributes.MODE, ""));
        assertEquals(LaunchAttributes.ACTION_TRAIN, read.getAttribute(LaunchAttributes.ACTION, ""));
        assertNull(LaunchSettings.of(read).firstProblem());
        // the shortcut reuses it
        assertEquals(config, shortcut.configurationFor(dataset));
        ILaunchConfiguration lr = new FineTuneShortcut.LabelAndReason().configurationFor(dataset);
        assertFalse(lr.equals(config));
    }

    @Test
    void progressIgnoresGarbage() {
        TrainingProgress p = new TrainingProgress();
        p.stdout("hello\n{not json\n{\"type\":\"started\",\"time\":\"2025-05-01T09:30:00Z\",\"totalSteps\":10}\n");
        p.stdout("{\"type\":\"step\",\"time\":\"2025-05-01T09:30:01Z\",\"step\":1,\"epoch\":1,\"lo");
        p.stdout("ss\":2.5}\n\u0000\u0001garbage\n");
        assertEquals(1, p.step());
        assertEquals(10, p.totalSteps());
        assertEquals(2.5, p.loss());
        assertEquals(1, p.malformedLines());
        assertTrue(p.describe().startsWith("step 1/10 - loss 2.5000"), p.describe());
    }

    @Test
    void evaluationProgressOnStderrShowsAloneAndAfterTraining() {
        TrainingProgress alone = new TrainingProgress();
        alone.stderr("eval: precision fp32 on cpu()\neval: 40 / 100 records  ETA 12s\n");
        assertEquals(40, alone.step());
        assertEquals(100, alone.totalSteps());
        assertEquals(0.4, alone.fraction(), 1e-9);

        TrainingProgress after = new TrainingProgress();
        after.stdout("{\"type\":\"started\",\"time\":\"2025-05-01T09:30:00Z\",\"totalSteps\":10}\n"
                + "{\"type\":\"finished\",\"time\":\"2025-05-01T09:31:00Z\",\"status\":\"completed\",\"durationSeconds\":60}\n");
        after.stderr("eval: 40 / 100 records  ETA 12s\n");
        assertEquals("evaluating the tuned model (40 / 100 records)", after.describe());
    }

    @Test
    void classPathFindsTheTrainer() {
        assumeTrue(TrainerClassPath.trainerBundle().isPresent(), "org.reasonlab.train is not installed");
        List<Path> entries = TrainerClassPath.resolve();
        assertTrue(entries.get(0).toString().contains("org.reasonlab.train"), entries.toString());
        assertTrue(entries.stream().anyMatch(p -> p.toString().contains("wrapped.ai.djl.api")
                || p.toString().contains("djl")), entries.toString());
        entries.forEach(p -> assertTrue(Files.exists(p), p + " exists"));
    }

    private ILaunchConfigurationWorkingCopy tinyRun(String name, int maxSteps, int checkpointEvery) throws CoreException {
        ILaunchConfigurationWorkingCopy wc = config(name);
        wc.setAttribute(LaunchAttributes.MODEL, "tiny");
        wc.setAttribute(LaunchAttributes.LORA_R, "4");
        wc.setAttribute(LaunchAttributes.LORA_ALPHA, "8");
        wc.setAttribute(LaunchAttributes.BATCH_SIZE, "2");
        wc.setAttribute(LaunchAttributes.EPOCHS, "100");
        wc.setAttribute(LaunchAttributes.MAX_STEPS, Integer.toString(maxSteps));
        wc.setAttribute(LaunchAttributes.CHECKPOINT_EVERY, Integer.toString(checkpointEvery));
        wc.setAttribute(LaunchAttributes.MAX_SEQUENCE_LENGTH, "64");
        wc.setAttribute(LaunchAttributes.EVAL_MAX_NEW_TOKENS, "4");
        wc.setAttribute(LaunchAttributes.DEVICE, "cpu");
        wc.setAttribute(LaunchAttributes.HEAP, "1g");
        return wc;
    }

    @Test
    void tinyFineTuneCompletesWithMetrics() throws Exception {
        assumeTrue(TrainerClassPath.trainerBundle().isPresent(), "org.reasonlab.train is not installed");
        ILaunch launch = tinyRun("tiny-complete", 3, 0).launch(ILaunchManager.RUN_MODE, null);
        TrainerJob job = TrainerJob.of(launch);
        assertNotNull(job);
        Path runDir = Path.of(launch.getAttribute(LaunchAttributes.LAUNCH_RUN_DIR));
        assertTrue(runDir.startsWith(project.getLocation().toPath().resolve("runs")), runDir.toString());
        TrainerTestSupport.waitFor(job);
        assertEquals(RunStatus.COMPLETED, job.outcome(), job.getResult().getMessage());
        RunDirectory run = new RunDirectory(runDir);
        assertTrue(Files.isRegularFile(run.metricsFile()), "metrics.json written");
        assertEquals(4, run.readSpec().loraR(), "the whole spec reached the trainer");
        assertEquals(3, job.progress().step());
    }

    @Test
    void cancelLeavesACheckpointAndResumes() throws Exception {
        assumeTrue(TrainerClassPath.trainerBundle().isPresent(), "org.reasonlab.train is not installed");
        ILaunch launch = tinyRun("tiny-cancel", 100_000, 0).launch(ILaunchManager.RUN_MODE, null);
        TrainerJob job = TrainerJob.of(launch);
        assertNotNull(job);
        TrainerTestSupport.spinUntil(() -> job.progress().step() >= 2 || job.getState() == Job.NONE);
        assumeTrue(job.progress().step() >= 2, "the trainer did not start: " + job.progress().stderrTail());
        job.cancel();
        TrainerTestSupport.waitFor(job);
        assertEquals(RunStatus.CANCELLED, job.outcome());
        assertEquals(143, job.exitCode(), "SIGTERM: the documented exit code of a cancelled run");
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity());
        RunDirectory run = new RunDirectory(job.runDirectory());
        assertEquals(RunStatus.CANCELLED, run.status());
        List<Long> steps = run.checkpointSteps();
        assertFalse(steps.isEmpty(), "a final checkpoint");

        TrainerJob resumed = TrainerLauncher.resume(run.root(),
                LaunchSettings.of(Map.of(LaunchAttributes.HEAP, "1g", LaunchAttributes.DEVICE, "cpu")));
        TrainerTestSupport.spinUntil(() -> resumed.progress().step() > steps.get(steps.size() - 1)
                        || resumed.getState() == Job.NONE);
        assertTrue(resumed.progress().step() > steps.get(steps.size() - 1), "continues after the checkpoint");
        resumed.cancel();
        TrainerTestSupport.waitFor(resumed);
        assertEquals(RunStatus.CANCELLED, resumed.outcome());
    }
}
