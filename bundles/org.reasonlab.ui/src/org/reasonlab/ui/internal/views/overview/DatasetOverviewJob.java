package org.reasonlab.ui.internal.views.overview;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.stats.DatasetStatistics;
import org.reasonlab.core.validate.ValidationProblem;
import org.reasonlab.core.validate.Validator;
import org.reasonlab.ui.internal.JobFamilies;

/**
 * Loads a dataset file, computes its statistics and validates it, in the background. Checks for
 * cancellation between the steps; hands the outcome to a consumer unless it was cancelled. Load
 * failures are outcomes, not error statuses, so that they are shown in the view and not in dialogs.
 */
public final class DatasetOverviewJob extends Job {
    /** Family of all overview jobs, for {@link org.eclipse.core.runtime.jobs.IJobManager#find(Object)}. */

    private final IFile file;
    private final Consumer<OverviewOutcome> onDone;

    public DatasetOverviewJob(IFile file, Consumer<OverviewOutcome> onDone) {
        super("Dataset overview of " + file.getName());
        this.file = file;
        this.onDone = onDone;
        setPriority(SHORT);
    }

    public IFile file() {
        return file;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.OVERVIEW;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, "Reading " + file.getName(), 3);
        IPath location = file.getLocation();
        if (location == null) {
            onDone.accept(new OverviewOutcome.Failed(file, file.getFullPath() + " is not on the local file system."));
            return Status.OK_STATUS;
        }
        long stamp = file.getModificationStamp();
        try {
            LoadResult load = DatasetLoader.load(Path.of(location.toOSString()));
            progress.worked(1);
            if (progress.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            progress.subTask("Computing statistics");
            DatasetStatistics statistics = DatasetStatistics.compute(load.dataset());
            progress.worked(1);
            if (progress.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            progress.subTask("Validating");
            List<ValidationProblem> problems = new Validator().validate(load.dataset());
            progress.worked(1);
            if (progress.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            onDone.accept(new OverviewOutcome.Loaded(new DatasetOverview(file, stamp, load, statistics, problems)));
        } catch (IOException e) {
            onDone.accept(new OverviewOutcome.Failed(file, describe(e)));
        } catch (RuntimeException e) {
            ILog.of(getClass()).error("Dataset overview of " + file.getFullPath() + " failed", e);
            onDone.accept(new OverviewOutcome.Failed(file, "Unexpected " + e.getClass().getSimpleName() + ": "
                    + e.getMessage()));
        }
        return Status.OK_STATUS;
    }

    private static String describe(IOException e) {
        return "Could not read the dataset: " + FileErrors.describe(e);
    }
}
