package org.reasonlab.ui.internal.launch;

import java.util.Map;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.RuntimeProcess;

/**
 * The trainer's process in the Debug/Console views. Terminate sends SIGTERM
 * ({@link Process#destroy()}) and returns at once: the trainer stops after the current step, writes a
 * checkpoint and its finished event, which takes longer than {@link RuntimeProcess} waits before it
 * gives up on the process and stops reading its output. A second Terminate kills it
 * ({@link Process#destroyForcibly()}).
 */
public class TrainerProcess extends RuntimeProcess {
    private volatile boolean stopRequested;
    private volatile TrainerJob job;

    public TrainerProcess(ILaunch launch, Process process, String name, Map<String, String> attributes) {
        super(launch, process, name, attributes);
    }

    /** The job that follows this process; null until it is made. */
    public TrainerJob job() {
        return job;
    }

    void setJob(TrainerJob job) {
        this.job = job;
    }

    /** Whether Terminate (or the job's Cancel) asked the trainer to stop. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** SIGTERM: stop after the current step with a final checkpoint. */
    public void requestStop() {
        Process p = getSystemProcess();
        if (p != null && p.isAlive()) {
            stopRequested = true;
            p.destroy();
        }
    }

    @Override
    public void terminate() throws DebugException {
        Process p = getSystemProcess();
        if (p == null || !p.isAlive()) {
            return;
        }
        if (stopRequested) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        } else {
            requestStop();
        }
    }
}
