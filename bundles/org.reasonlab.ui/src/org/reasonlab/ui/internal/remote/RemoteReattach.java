package org.reasonlab.ui.internal.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunEventReader;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.ui.internal.JobFamilies;

/**
 * After a restart, follows again every run on a compute target whose job had not ended when the workbench closed
 * (a run folder in the workspace with {@code target.json} and no final event). The Runs view asks for it when it
 * opens (it is part of the ReasonLab perspective and restored with it), once per session: ReasonLab contributes no
 * start-up hook to the workbench.
 */
public final class RemoteReattach {
    private static final AtomicBoolean DONE = new AtomicBoolean();
    /** How deep under a project run folders are looked for ({@code data/runs/NAME/target.json} is 4). */
    private static final int SEARCH_DEPTH = 6;

    private RemoteReattach() {
    }

    /** The first call of a session reattaches; later ones do nothing. */
    public static void once() {
        if (DONE.compareAndSet(false, true)) {
            schedule();
        }
    }

    public static Job schedule() {
        Job job = new Job("Reattaching to runs on compute targets") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                // the file system, not the resource tree: run folders the trainer's mirror wrote may not be refreshed
                for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
                    if (!project.isOpen() || project.getLocation() == null) {
                        continue;
                    }
                    try (Stream<Path> files = Files.walk(project.getLocation().toPath(), SEARCH_DEPTH)) {
                        files.filter(p -> p.getFileName().toString().equals(RunTarget.FILE))
                                .forEach(p -> reattach(p.getParent()));
                    } catch (IOException | UncheckedIOException e) {
                        // a folder that cannot be read holds no run to follow
                    }
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JobFamilies.REMOTE;
            }
        };
        job.setSystem(true);
        job.schedule();
        return job;
    }

    static void reattach(Path folder) {
        try {
            RunTarget record = RunTarget.read(folder).orElse(null);
            if (record == null) {
                return;
            }
            boolean finished = RunEventReader.read(new RunDirectory(folder).eventsFile()).status().isFinal();
            boolean jobEnded = record.job() != null && record.job().hasEnded();
            if (!finished && !jobEnded) {
                RemoteRunJob.watch(folder);
            }
        } catch (IOException e) {
            // an unreadable target.json: the Runs view shows the problem
        }
    }
}
