package org.reasonlab.ui.runs;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.reasonlab.ui.launch.TrainerJob;

/**
 * Calls back when a trainer job starts or ends. The trainer writes its run files behind the workspace's back, so
 * a view that shows runs re-reads them then (a resumed run appends to a log that said "cancelled").
 */
final class TrainerActivity extends JobChangeAdapter {
    private final Runnable onChange;

    private TrainerActivity(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Starts listening; {@link #stop()} ends it. */
    static TrainerActivity listen(Runnable onChange) {
        TrainerActivity listener = new TrainerActivity(onChange);
        Job.getJobManager().addJobChangeListener(listener);
        return listener;
    }

    void stop() {
        Job.getJobManager().removeJobChangeListener(this);
    }

    /** Whether a trainer job is scheduled or running (views keep polling while one is). */
    static boolean anyTrainer() {
        return Job.getJobManager().find(TrainerJob.FAMILY).length > 0;
    }

    @Override
    public void running(IJobChangeEvent event) {
        changed(event.getJob());
    }

    @Override
    public void done(IJobChangeEvent event) {
        changed(event.getJob());
    }

    private void changed(Job job) {
        if (job.belongsTo(TrainerJob.FAMILY)) {
            onChange.run();
        }
    }
}
