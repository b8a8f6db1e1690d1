package org.reasonlab.core.io;

import java.io.IOException;
import java.nio.file.Path;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.FileLayout;

/** Saves datasets atomically (see {@link AtomicFiles}). */
public final class DatasetSaver {
    private DatasetSaver() {
    }

    /** Saves in the dataset's own layout. */
    public static void save(Dataset dataset, Path file) throws IOException {
        FileLayout layout = dataset.layout();
        AtomicFiles.write(file, out -> DatasetWriter.write(dataset, layout, out));
    }

    /**
     * Saves in another format, converting the layout (see {@link #convertedLayout}); the dataset
     * itself is not changed. Saving in the dataset's own format keeps its layout.
     */
    public static void saveAs(Dataset dataset, Path file, DatasetFormat format) throws IOException {
        FileLayout layout = convertedLayout(dataset, format);
        AtomicFiles.write(file, out -> DatasetWriter.write(dataset, layout, out));
    }

    /**
     * The layout {@link #saveAs} writes: the dataset's own for the same format, else the format's
     * default with, for CSV, the columns its data needs (id, statement, label, reason, split, every
     * extra field, annotations and metadata as JSON text).
     */
    public static FileLayout convertedLayout(Dataset dataset, DatasetFormat format) {
        FileLayout current = dataset.layout();
        if (current.format() == format) {
            return current;
        }
        FileLayout layout = FileLayout.defaultFor(format);
        if (format == DatasetFormat.CSV) {
            layout = new FileLayout(format, false, layout.lineSeparator(), CsvWriter.columnsFor(dataset, layout), true);
        }
        return layout;
    }
}
