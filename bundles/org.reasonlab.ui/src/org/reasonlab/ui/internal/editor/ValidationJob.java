package org.reasonlab.ui.internal.editor;

import java.util.List;
import java.util.function.BiConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.validate.ValidationProblem;
import org.reasonlab.core.validate.Validator;
import org.reasonlab.ui.internal.JobFamilies;

/**
 * Validates a snapshot of an editor's entries in the background; the editor schedules it (with a
 * short delay, so typing does not validate on every key) after each change and drops results for
 * an older generation.
 */
final class ValidationJob extends Job {
    private static final long DELAY_MS = 200;

    private final DatasetModel model;
    private final BiConsumer<List<ValidationProblem>, Long> onDone;
    private volatile Dataset snapshot;
    private volatile long generation;

    ValidationJob(String fileName, DatasetModel model, BiConsumer<List<ValidationProblem>, Long> onDone) {
        super("Validating " + fileName);
        this.model = model;
        this.onDone = onDone;
        setPriority(DECORATE);
        setSystem(true);
    }

    /** Call on the UI thread: snapshots the entries now and validates them soon. */
    void request() {
        Dataset current = model.dataset();
        snapshot = new Dataset(current.schema(), current.layout(), model.snapshot());
        generation = model.generation();
        cancel();
        schedule(DELAY_MS);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.VALIDATION;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Dataset data = snapshot;
        long gen = generation;
        if (data == null) {
            return Status.OK_STATUS;
        }
        List<ValidationProblem> problems = new Validator().validate(data);
        if (monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        onDone.accept(problems, gen);
        return Status.OK_STATUS;
    }
}
