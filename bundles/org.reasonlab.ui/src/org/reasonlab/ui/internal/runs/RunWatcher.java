package org.reasonlab.ui.internal.runs;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.reasonlab.ui.internal.JobFamilies;

/**
 * Keeps a view of runs live, for the Runs view and the run page alike: reads in a background job when relevant
 * files change in the workspace (debounced), when a trainer job starts or ends (the trainer writes its run files
 * behind the workspace's back, and a resumed run appends to a log that said "cancelled"), and every
 * {@link #POLL_MS} ms while the reading says a run is live or a trainer job exists.
 */
final class RunWatcher {
    /** How often live runs are read again. */
    static final long POLL_MS = 1500;
    static final long DEBOUNCE_MS = 300;

    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Predicate<IResourceDelta> relevant;
    private final BooleanSupplier read;
    private final Job job;
    private final IResourceChangeListener resources = this::resourceChanged;
    private final JobChangeAdapter trainers = new JobChangeAdapter() {
        @Override
        public void running(IJobChangeEvent event) {
            trainerChanged(event.getJob());
        }

        @Override
        public void done(IJobChangeEvent event) {
            trainerChanged(event.getJob());
        }
    };

    /**
     * @param name the job's name
     * @param relevant whether a workspace change concerns what is shown
     * @param read reads and shows (off the UI thread); returns whether something is live and should be polled
     */
    RunWatcher(String name, Predicate<IResourceDelta> relevant, BooleanSupplier read) {
        this.relevant = relevant;
        this.read = read;
        this.job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                if (stopped.get()) {
                    return Status.CANCEL_STATUS;
                }
                boolean live = read.getAsBoolean() || anyTrainer();
                if (live && !stopped.get()) {
                    schedule(POLL_MS);
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == RunWatcher.this;
            }
        };
        job.setSystem(true);
    }

    /** Starts listening and reads at once. */
    void start() {
        ResourcesPlugin.getWorkspace().addResourceChangeListener(resources, IResourceChangeEvent.POST_CHANGE);
        Job.getJobManager().addJobChangeListener(trainers);
        job.schedule();
    }

    /** Reads again now. */
    void refresh() {
        if (!stopped.get()) {
            job.schedule();
        }
    }

    /** Reads again shortly (changes often come in bursts). */
    void refreshSoon() {
        if (!stopped.get()) {
            job.schedule(DEBOUNCE_MS);
        }
    }

    void stop() {
        stopped.set(true);
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(resources);
        Job.getJobManager().removeJobChangeListener(trainers);
        job.cancel();
    }

    /** The reading job (tests wait for it). */
    Job job() {
        return job;
    }

    /** Whether a trainer job is scheduled or running. */
    static boolean anyTrainer() {
        return Job.getJobManager().find(JobFamilies.TRAINER).length > 0;
    }

    private void trainerChanged(Job changed) {
        if (changed.belongsTo(JobFamilies.TRAINER)) {
            refreshSoon();
        }
    }

    private void resourceChanged(IResourceChangeEvent event) {
        IResourceDelta delta = event.getDelta();
        if (delta != null && !stopped.get() && relevant.test(delta)) {
            refreshSoon();
        }
    }
}
