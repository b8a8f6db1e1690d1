package org.reasonlab.ui.internal.markers;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.reasonlab.core.io.DatasetFormatException;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.validate.ValidationOptions;
import org.reasonlab.core.validate.ValidationProblem;
import org.reasonlab.core.validate.Validator;

/**
 * Validates a dataset file as it is on disk (with the label schema of its sidecar, as
 * {@link DatasetLoader#load(Path)} reads it) and replaces its problem markers. Unparseable lines
 * are {@code PARSE_ERROR} problems of the validator. When the file cannot be read at all (no
 * statement column, an invalid sidecar, an I/O error) it gets one error marker,
 * {@link DatasetMarkers#KIND_READ_ERROR}, that names the problem.
 */
public final class DatasetFileValidator {
    private final DatasetProblemMarkers markers;
    private final ValidationOptions options;

    public DatasetFileValidator() {
        this(new DatasetProblemMarkers(), ValidationOptions.defaults());
    }

    public DatasetFileValidator(DatasetProblemMarkers markers, ValidationOptions options) {
        this.markers = Objects.requireNonNull(markers, "markers");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Validates the file and replaces its markers; does nothing when the file does not exist in the
     * workspace.
     *
     * @return the number of problems found, or -1 when the file could not be read
     */
    public int validate(IFile file, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Validating " + file.getFullPath(), 10);
        if (!file.exists()) {
            return 0;
        }
        IPath location = file.getLocation();
        if (location == null) {
            markers.replaceWithReadError(file, "Could not read the dataset: " + file.getName()
                    + " is not in the local file system", 0, progress.split(1));
            return -1;
        }
        List<ValidationProblem> problems;
        try {
            LoadResult loaded = DatasetLoader.load(location.toPath());
            progress.worked(6);
            problems = new Validator(options).validate(loaded.dataset());
            progress.worked(2);
        } catch (DatasetFormatException e) {
            markers.replaceWithReadError(file, "Could not read the dataset: " + e.problem().message(),
                    e.problem().line(), progress.split(2));
            return -1;
        } catch (IOException e) {
            markers.replaceWithReadError(file, "Could not read the dataset: " + describe(e), 0, progress.split(2));
            return -1;
        } catch (RuntimeException e) {
            ILog.of(DatasetFileValidator.class).log(Status.error("Validating " + file.getFullPath() + " failed", e));
            markers.replaceWithReadError(file, "Could not validate the dataset: " + e, 0, progress.split(2));
            return -1;
        }
        markers.replace(file, problems, progress.split(2));
        return problems.size();
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "the file is missing on disk (refresh the project)";
        }
        return FileErrors.describe(e);
    }
}
