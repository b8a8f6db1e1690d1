package org.reasonlab.ui.internal.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.ui.internal.launch.LaunchRuns;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.remote.Connection;
import org.reasonlab.remote.Connections;
import org.reasonlab.remote.Submission;
import org.reasonlab.ui.internal.JobFamilies;
import org.reasonlab.ui.internal.WorkspaceRefresh;
import org.reasonlab.ui.internal.launch.TrainerClassPath;

/**
 * Submits run folders to a compute target in the background ({@link Submission}: deploy, upload, job script,
 * {@code sbatch} or the detached trainer), then follows each run ({@link RemoteRunJob}). Before the first
 * submission to a target from this workspace, the job script is shown for approval. A failed submission removes the
 * local run folders it was given, as the remote side removes its own: nothing half-made stays.
 */
public final class SubmitJob extends Job {
    /** Preference prefix: the job script was shown for this target (then it is not asked again). */
    public static final String SCRIPT_SHOWN = "jobScriptShown.";

    private final ComputeTarget target;
    private final LaunchRuns runs;
    private final List<Path> folders;
    private final String group;
    private final String heap;
    private volatile List<RunTarget> submitted = List.of();

    SubmitJob(ComputeTarget target, LaunchRuns runs, String heap) {
        super("Submitting " + (runs.folders().size() == 1 ? runs.folders().get(0).getFileName().toString()
                : runs.folders().size() + " runs") + " to " + target.name());
        this.target = target;
        this.folders = runs.folders();
        this.group = runs.group();
        this.heap = heap;
        this.runs = runs;
        setUser(true);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.REMOTE;
    }

    /** The submitted runs' records (after the job). */
    public List<RunTarget> submitted() {
        return submitted;
    }

    public List<Path> folders() {
        return folders;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        try (Connection connection = Connections.open(target, WorkbenchCredentials.hostKeys(),
                WorkbenchCredentials.passphrases())) {
            monitor.subTask("Deploying the trainer and uploading the runs to " + connection.where());
            submitted = new Submission(connection, target, TrainerClassPath.resolve(), heap)
                    .withScriptApproval(this::approve).submit(folders, group);
            runs.writeGroup();
            for (Path folder : folders) {
                RemoteRunJob.watch(folder);
                WorkspaceRefresh.soon(folder.resolve(RunDirectory.SPEC));
            }
            return Status.OK_STATUS;
        } catch (Submission.NotApproved e) {
            removeLocal(folders);
            return Status.CANCEL_STATUS;
        } catch (CoreException e) {
            return e.getStatus(); // submitted; only the group file could not be written
        } catch (IOException | RuntimeException e) {
            removeLocal(folders);
            return Status.error("Cannot submit to " + target.name() + ": " + FileErrors.describe(
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e)), e);
        } finally {
            monitor.done();
        }
    }

    /** The script before the first submission to this target; later ones go straight through. */
    private boolean approve(String script) {
        IPreferenceStore store = TargetsFile.store();
        String key = SCRIPT_SHOWN + target.name();
        if (store.getBoolean(key)) {
            return true;
        }
        AtomicBoolean yes = new AtomicBoolean();
        Display display = Display.getDefault();
        display.syncExec(() -> yes.set(new JobScriptDialog(display.getActiveShell(), target.name(), script).open()
                == Window.OK));
        if (yes.get()) {
            store.setValue(key, true);
            try {
                ((org.eclipse.ui.preferences.ScopedPreferenceStore) store).save();
            } catch (IOException e) {
                // asked again next time
            }
        }
        return yes.get();
    }

    /** Removes run folders made for a submission that did not happen (their run files, then the empty folder). */
    static void removeLocal(List<Path> folders) {
        for (Path folder : folders) {
            try {
                new RunDirectory(folder).clearRun();
                for (String name : List.of(RunTarget.FILE, "job.sbatch", "run.sh")) {
                    Files.deleteIfExists(folder.resolve(name));
                }
                Files.deleteIfExists(folder);
                WorkspaceRefresh.soon(folder);
            } catch (IOException e) {
                // a folder with other files stays
            }
        }
    }
}
