package org.reasonlab.ui.internal.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.run.ErrorEvent;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.ui.RunCommands;
import org.reasonlab.ui.internal.JobFamilies;
import org.reasonlab.ui.internal.WorkbenchTestSupport;
import org.reasonlab.ui.internal.launch.LaunchAttributes;
import org.reasonlab.ui.internal.launch.LaunchSettings;
import org.reasonlab.ui.internal.launch.TrainerClassPath;
import org.reasonlab.ui.internal.launch.TrainerJob;

/**
 * The IDE survives a trainer that prints garbage and crashes, and one that is killed: the run says what happened,
 * the workbench keeps dispatching events, and the dataset and the run's files are still there.
 */
class TrainerFailureTest {
    private static final String PROJECT = "trainer-failure-test";
    private static final String DATA = """
            {"id":"a","statement":"I helped a neighbour carry shopping.","label":"ethical","reason":"Helping is kind.","split":"train"}
            {"id":"b","statement":"I stole from a shop.","label":"unethical","reason":"Stealing harms the owner.","split":"train"}
            {"id":"c","statement":"I lied to my friend.","label":"unethical","reason":"Lying breaks trust.","split":"test"}
            """;
    private IProject project;
    private IFile dataset;

    @BeforeEach
    void setUp() throws Exception {
        project = WorkbenchTestSupport.createProject(PROJECT);
        dataset = WorkbenchTestSupport.writeFile(project, "data.jsonl", DATA);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (var job : Job.getJobManager().find(JobFamilies.TRAINER)) {
            ((TrainerJob) job).processHandle().destroyForcibly();
            TrainerTestSupport.waitFor((TrainerJob) job);
        }
        WorkbenchTestSupport.deleteProject(PROJECT);
    }

    private ILaunchConfigurationWorkingCopy config(String name) throws Exception {
        ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(LaunchAttributes.TYPE_ID);
        ILaunchConfigurationWorkingCopy wc = type.newInstance(null, name);
        LaunchSettings.setDefaults(wc);
        wc.setAttribute(LaunchAttributes.DATASET, dataset.getFullPath().toString());
        wc.setAttribute(LaunchAttributes.MODEL, "tiny");
        wc.setAttribute(LaunchAttributes.DEVICE, "cpu");
        wc.setAttribute(LaunchAttributes.HEAP, "1g");
        return wc;
    }

    /** A "Java runtime" whose java prints garbage on both streams and dies with exit code 3. */
    private static Path garbageRuntime() throws Exception {
        Path home = Files.createTempDirectory("reasonlab-broken-jdk-");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                echo '{"type":"started","time":"not a time"'
                printf '\\000\\001\\377 binary garbage\\n'
                echo '{"type":"step","step":"one"}'
                echo 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space' >&2
                exit 3
                """, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** Launches a configuration whose Java runtime is {@code javaHome} and waits for the failed run. */
    private TrainerJob runFailingTrainer(String name, Path javaHome) throws Exception {
        assumeTrue(TrainerClassPath.trainerBundle().isPresent(), "org.reasonlab.train is not installed");
        ILaunchConfigurationWorkingCopy wc = config(name);
        wc.setAttribute(LaunchAttributes.JAVA_HOME, javaHome.toString());
        TrainerJob job = TrainerJob.of(wc.launch(ILaunchManager.RUN_MODE, null));
        assertNotNull(job);
        TrainerTestSupport.waitFor(job);
        assertEquals(RunStatus.FAILED, job.outcome());
        return job;
    }

    @Test
    void garbageAndACrashEndAsAFailedRunWithTheReason() throws Exception {
        RunsView view = (RunsView) WorkbenchTestSupport.page().showView(RunsView.ID);
        TrainerJob job = runFailingTrainer("garbage", garbageRuntime());
        assertEquals(3, job.exitCode());
        assertEquals(IStatus.ERROR, job.getResult().getSeverity());
        assertTrue(job.getResult().getMessage().contains("the trainer exited with code 3 without finishing the run"),
                job.getResult().getMessage());
        assertTrue(job.getResult().getMessage().contains("OutOfMemoryError"), "the last stderr lines are shown");
        RunDirectory run = new RunDirectory(job.runDirectory());
        assertEquals(RunStatus.FAILED, run.status(), "the failure is recorded in events.jsonl");

        RunInfo row = TrainerTestSupport.waitForRun(view, run.root(), r -> r.state() == RunState.FAILED);
        assertTrue(row.message().contains("exited with code 3"), row.message());
        assertTrue(view.shownTexts(row.name())[1].equals("failed"));
        assertUsable();
    }

    /**
     * A "Java runtime" whose java keeps the JVM options it is given (the crash report's place among them) but runs,
     * instead of the trainer, a program that fills a small heap with {@code -XX:+CrashOnOutOfMemoryError}: a real
     * JVM crash with a real crash report.
     */
    private static Path crashingRuntime() throws Exception {
        Path home = Files.createTempDirectory("reasonlab-crashing-jdk-");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path program = Files.writeString(home.resolve("Fill.java"), """
                public class Fill {
                    public static void main(String[] args) {
                        java.util.List<long[]> kept = new java.util.ArrayList<>();
                        while (true) {
                            kept.add(new long[100_000]);
                        }
                    }
                }
                """, StandardCharsets.UTF_8);
        Path realJava = Path.of(System.getProperty("java.home"), "bin", "java");
        Path java = bin.resolve("java");
        Files.writeString(java, """
                #!/bin/bash
                options=()
                for a in "$@"; do
                  [ "$a" = "-cp" ] && break
                  options+=("$a")
                done
                exec '%s' "${options[@]}" -XX:+CrashOnOutOfMemoryError -Xmx8m '%s'
                """.formatted(realJava, program), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    @Test
    void aJvmCrashLeavesItsReportInTheRunFolderAndTheFailureNamesIt() throws Exception {
        RunsView view = (RunsView) WorkbenchTestSupport.page().showView(RunsView.ID);
        TrainerJob job = runFailingTrainer("crash", crashingRuntime());
        assertEquals(134, job.exitCode(), "the JVM aborts on a fatal error");
        RunDirectory run = new RunDirectory(job.runDirectory());
        List<Path> reports;
        try (Stream<Path> files = Files.list(run.root())) {
            reports = files.filter(f -> f.getFileName().toString().startsWith(RunDirectory.CRASH_REPORT_PREFIX)).toList();
        }
        assertEquals(1, reports.size(), "the crash report is in the run folder");
        assertTrue(Files.readString(reports.get(0)).contains("A fatal error has been detected"));
        String report = reports.get(0).getFileName().toString();
        assertTrue(job.getResult().getMessage().contains(report), job.getResult().getMessage());
        RunInfo row = TrainerTestSupport.waitForRun(view, run.root(), r -> r.state() == RunState.FAILED);
        assertTrue(row.message().contains("JVM crash report: ") && row.message().contains(report), row.message());
        assertUsable();
    }

    @Test
    void aKilledTrainerEndsAsAFailedRunThatCanBeResumed() throws Exception {
        assumeTrue(TrainerClassPath.trainerBundle().isPresent(), "org.reasonlab.train is not installed");
        ILaunchConfigurationWorkingCopy wc = config("killed");
        wc.setAttribute(LaunchAttributes.EPOCHS, "10000");
        wc.setAttribute(LaunchAttributes.BATCH_SIZE, "1");
        wc.setAttribute(LaunchAttributes.LORA_R, "4");
        wc.setAttribute(LaunchAttributes.MAX_SEQUENCE_LENGTH, "64");
        wc.setAttribute(LaunchAttributes.CHECKPOINT_EVERY, "2");
        RunsView view = (RunsView) WorkbenchTestSupport.page().showView(RunsView.ID);
        TrainerJob job = TrainerJob.of(wc.launch(ILaunchManager.RUN_MODE, null));
        assertNotNull(job);
        TrainerTestSupport.spinUntil(() -> job.progress().step() >= 3 || job.getState() == Job.NONE);
        assertTrue(job.progress().step() >= 3, () -> "the trainer did not train: " + job.progress().stderrTail());

        job.processHandle().destroyForcibly(); // kill -9: no checkpoint, no finished event
        TrainerTestSupport.waitFor(job);
        assertEquals(RunStatus.FAILED, job.outcome());
        assertEquals(137, job.exitCode());
        String killed = "the trainer was killed by signal 9 (SIGKILL) without finishing the run";
        assertTrue(job.getResult().getMessage().contains(killed), job.getResult().getMessage());
        RunDirectory run = new RunDirectory(job.runDirectory());
        assertEquals(RunStatus.FAILED, run.status());
        assertEquals(killed, run.readEvents().last(ErrorEvent.class).orElseThrow().message(), "events.jsonl names the signal");
        assertTrue(!run.checkpointSteps().isEmpty(), "the checkpoints written before the kill are kept");

        RunInfo row = TrainerTestSupport.waitForRun(view, run.root(), r -> r.state() == RunState.FAILED);
        assertTrue(row.message().contains(killed), row.message());
        view.select(row.name());
        assertTrue(WorkbenchTestSupport.isEnabled(RunCommands.RESUME), "a killed run can be resumed from its last checkpoint");
        assertTrue(dataset.exists());
        assertEquals(DATA, Files.readString(dataset.getLocation().toPath()), "the dataset is untouched");
        assertUsable();
    }

    /** The workbench still dispatches events and answers. */
    private static void assertUsable() {
        Display display = Display.getCurrent();
        boolean[] ran = {false};
        display.asyncExec(() -> ran[0] = true);
        WorkbenchTestSupport.waitUntil("the UI thread runs posted work", () -> ran[0]);
        assertNotNull(WorkbenchTestSupport.window().getShell());
    }
}
