package org.reasonlab.ui.internal.wizards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.reasonlab.core.imports.ColumnMapping;
import org.reasonlab.core.imports.DatasetImport;
import org.reasonlab.core.imports.ImportFormat;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.core.model.LabelSchema;

/**
 * Reads the import's source in the background with the current choices (format, column mapping,
 * labels) to show, before Finish, how many records it has and which lines cannot be read. A newer
 * request makes an older result irrelevant; listeners hear about results on the UI thread.
 */
final class ImportCheck {

    /** What is checked; a changed file (time or size) is checked again. */
    record Key(Path source, ImportFormat format, ColumnMapping mapping, LabelSchema schema, long modified, long size) {

        static Key of(Path source, ImportFormat format, ColumnMapping mapping, LabelSchema schema) {
            long modified = -1;
            long size = -1;
            try {
                BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
                modified = attributes.lastModifiedTime().toMillis();
                size = attributes.size();
            } catch (IOException | RuntimeException e) {
                // checked anyway; the check reports why it cannot be read
            }
            return new Key(source, format, format == ImportFormat.CSV ? mapping : null, schema, modified, size);
        }
    }

    /** The result of a check. */
    sealed interface Outcome {
        Key key();
    }

    /** The check is under way. */
    record Running(Key key) implements Outcome {
    }

    /**
     * The source was read.
     *
     * @param problems the first {@link Problems#LIMIT} problems
     * @param problemCount how many there are in all
     */
    record Read(Key key, int records, int unreadableLines, List<ParseProblem> problems, int problemCount)
            implements Outcome {
    }

    /** The source cannot be read in this format at all. */
    record Failed(Key key, String message) implements Outcome {
    }

    private final List<Consumer<Outcome>> listeners = new CopyOnWriteArrayList<>();
    private Key wanted;
    private Outcome latest;
    private Job job;

    void addListener(Consumer<Outcome> listener) {
        listeners.add(listener);
    }

    /** The latest outcome for the latest request, or null when nothing was requested. */
    Outcome latest() {
        return latest;
    }

    /** Checks the key in the background unless it is the one last requested. Call on the UI thread. */
    void request(Key key) {
        if (key.equals(wanted)) {
            return;
        }
        wanted = key;
        if (job != null) {
            job.cancel();
        }
        publish(new Running(key));
        Display display = Display.getCurrent();
        job = Job.create("Checking " + key.source().getFileName(), monitor -> {
            Outcome outcome = check(key, monitor);
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            if (display != null && !display.isDisposed()) {
                display.asyncExec(() -> {
                    if (key.equals(wanted)) {
                        publish(outcome);
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule(200);
    }

    /** Checks the key now, on this thread, and publishes the result; for tests and for pages that must know. */
    Outcome checkNow(Key key) {
        if (job != null) {
            job.cancel();
        }
        wanted = key;
        Outcome outcome = check(key, null);
        publish(outcome);
        return outcome;
    }

    private void publish(Outcome outcome) {
        latest = outcome;
        for (Consumer<Outcome> listener : listeners) {
            listener.accept(outcome);
        }
    }

    void dispose() {
        if (job != null) {
            job.cancel();
        }
        listeners.clear();
    }

    static Outcome check(Key key, IProgressMonitor monitor) {
        Objects.requireNonNull(key);
        try {
            LoadResult result = DatasetImport.load(key.source(), key.format(), key.mapping(), key.schema());
            List<ParseProblem> problems = result.problems();
            return new Read(key, result.dataset().recordCount(), result.dataset().rawLines().size(),
                    List.copyOf(problems.subList(0, Math.min(problems.size(), Problems.LIMIT))), problems.size());
        } catch (IOException | RuntimeException e) {
            return new Failed(key, FileErrors.describe(e));
        }
    }
}
