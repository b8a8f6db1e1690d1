package org.reasonlab.ui.internal.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.ui.progress.IProgressConstants;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.TrainerExit;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.ui.internal.JobFamilies;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;

/**
 * Follows one trainer process in the Progress view: step/total, loss and ETA from the event lines
 * on its stdout, which {@link ObservedProcess} passes on (malformed lines are ignored here; they still
 * show in the Console). Cancel sends
 * SIGTERM, so the trainer stops after the current step with a final checkpoint; the job ends when
 * the process has. A process that exits without writing its own end (a crash, a kill) gets it
 * recorded in the run's {@code events.jsonl} by {@link TrainerExit#recordIfUnfinished}: an error
 * naming the exit code or the signal ("the trainer was killed by signal 9 (SIGKILL)") and a
 * {@code failed} finished event, or, when this job asked it to stop, a {@code cancelled} one; the
 * job ends with an error status naming it and the last lines of stderr. Exit codes 3 and 143 with
 * the trainer's own cancelled event are a cancelled run. Never blocks the UI.
 */
public final class TrainerJob extends Job {
    private static final int TICKS = 10_000;

    private final ILaunch launch;
    private final TrainerProcess process;
    private final Process systemProcess;
    private final Path runDir;
    private final boolean training;
    private final IContainer refreshAfter;
    private final TrainingProgress progress;
    private final Instant created = Instant.now();
    private volatile Integer exitCode;
    private volatile RunStatus outcome;

    TrainerJob(String name, ILaunch launch, TrainerProcess process, Process systemProcess, TrainingProgress progress,
            Path runDir, boolean training, IContainer refreshAfter) {
        super(name);
        this.progress = progress;
        this.launch = launch;
        this.process = process;
        this.systemProcess = systemProcess;
        this.runDir = runDir;
        this.training = training;
        this.refreshAfter = refreshAfter;
        process.setJob(this);
        setUser(false);
        setProperty(IProgressConstants.KEEP_PROPERTY, Boolean.TRUE);
        setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
    }

    /** The job following the launch's trainer, or null; also after the job has ended. */
    public static TrainerJob of(ILaunch launch) {
        for (IProcess p : launch.getProcesses()) {
            if (p instanceof TrainerProcess t && t.job() != null) {
                return t.job();
            }
        }
        return null;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.TRAINER;
    }

    public ILaunch launch() {
        return launch;
    }

    public Path runDirectory() {
        return runDir;
    }

    public TrainingProgress progress() {
        return progress;
    }

    /** The trainer's operating-system process. */
    public ProcessHandle processHandle() {
        return systemProcess.toHandle();
    }

    /** The trainer's exit code once it has exited, else null. */
    public Integer exitCode() {
        return exitCode;
    }

    /** How the run ended (completed, cancelled, failed) once the job is done, else null. */
    public RunStatus outcome() {
        return outcome;
    }

    /** Asks the trainer to stop after the current step (SIGTERM). */
    public void requestStop() {
        process.requestStop();
    }

    @Override
    protected void canceling() {
        requestStop();
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), TICKS);
        int done = 0;
        boolean stopping = false;
        try {
            while (!systemProcess.waitFor(250, TimeUnit.MILLISECONDS)) {
                if (monitor.isCanceled() && !stopping) {
                    stopping = true;
                    requestStop();
                }
                if (stopping || process.stopRequested()) {
                    monitor.subTask("stopping after the current step (final checkpoint) - " + progress.describe());
                } else {
                    monitor.subTask(progress.describe());
                }
                double f = progress.fraction();
                int ticks = f < 0 ? 0 : (int) (f * TICKS);
                if (ticks > done) {
                    monitor.worked(ticks - done);
                    done = ticks;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exitCode = systemProcess.isAlive() ? null : systemProcess.exitValue();
        // let the console's readers finish, so the last events and stderr lines are in
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!process.isTerminated() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        IStatus result = finish();
        refresh();
        monitor.done();
        return result;
    }

    private IStatus finish() {
        String plugin = ReasonLabUiPlugin.PLUGIN_ID;
        Integer code = exitCode;
        RunDirectory run = new RunDirectory(runDir);
        // the trainer died without writing its end (a kill, a crash, garbage): record it in the run
        String recorded = code == null ? null : record(run, code);
        if (!training) {
            if (code != null && code == 0) {
                outcome = RunStatus.COMPLETED;
                return Status.info("Evaluation finished: " + runDir.resolve(RunDirectory.METRICS));
            }
            boolean cancelled = process.stopRequested() || (code != null && TrainerExit.isCancelled(code));
            outcome = cancelled ? RunStatus.CANCELLED : RunStatus.FAILED;
            if (outcome == RunStatus.CANCELLED) {
                return new Status(IStatus.CANCEL, plugin, "Evaluation stopped.");
            }
            return Status.error("Evaluation failed (" + describeExit(code) + ")" + crashReport(run) + tail());
        }
        RunStatus status;
        try {
            status = run.status();
        } catch (IOException e) {
            status = RunStatus.UNKNOWN;
        }
        if (status == RunStatus.COMPLETED && code != null && code == 0) {
            outcome = RunStatus.COMPLETED;
            return Status.info("Run completed: " + runDir + (Files.isRegularFile(run.metricsFile()) ? " (metrics.json written)" : ""));
        }
        if (status == RunStatus.CANCELLED) {
            outcome = RunStatus.CANCELLED;
            String last = lastCheckpoint(run);
            return new Status(IStatus.CANCEL, plugin, "Run stopped" + (last == null ? "" : " with a checkpoint at step " + last)
                    + "; resume it with ReasonLab > Resume or 'reasonlab train --run-dir " + runDir + " --resume'.");
        }
        outcome = RunStatus.FAILED;
        String reason = recorded != null ? recorded : progress.error();
        // the run's readers name the crash report themselves (RunReader); the job's message names it too
        return Status.error("Run failed: " + (reason == null ? describeExit(code) : reason) + crashReport(run) + tail());
    }

    /** Appends the trainer's end to events.jsonl unless it wrote its own; returns what was recorded, or null. */
    private String record(RunDirectory run, int code) {
        List<String> tail = progress.stderrTail();
        try {
            return TrainerExit.recordIfUnfinished(run, code, process.stopRequested(),
                    tail.isEmpty() ? null : String.join("\n", tail));
        } catch (IOException | RuntimeException e) {
            ReasonLabUiPlugin plugin = ReasonLabUiPlugin.getDefault();
            if (plugin != null) {
                plugin.getLog().log(Status.warning("Cannot record the trainer's end in " + run.eventsFile(), e));
            }
            return null;
        }
    }

    /** Where the JVM's crash report is, when this trainer left one in the run folder; else empty. */
    private String crashReport(RunDirectory run) {
        return run.crashReportSince(created).map(p -> "; JVM crash report: " + p).orElse("");
    }

    private static String lastCheckpoint(RunDirectory run) {
        try {
            List<Long> steps = run.checkpointSteps();
            return steps.isEmpty() ? null : Long.toString(steps.get(steps.size() - 1));
        } catch (IOException e) {
            return null;
        }
    }

    private static String describeExit(Integer code) {
        return code == null ? "still running" : TrainerExit.describe(code);
    }

    private String tail() {
        List<String> tail = progress.stderrTail();
        if (tail.isEmpty()) {
            return "";
        }
        int from = Math.max(0, tail.size() - 5);
        return "\n" + String.join("\n", tail.subList(from, tail.size()));
    }

    private void refresh() {
        if (refreshAfter == null || !refreshAfter.exists()) {
            return;
        }
        try {
            refreshAfter.refreshLocal(IResource.DEPTH_INFINITE, null);
        } catch (CoreException | RuntimeException e) {
            // the navigator catches up on the next refresh
        }
    }
}
