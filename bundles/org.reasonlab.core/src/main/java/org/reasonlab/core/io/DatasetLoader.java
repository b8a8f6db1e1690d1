package org.reasonlab.core.io;

import java.io.IOException;
import java.nio.file.Path;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;

/** Loads a whole dataset file into memory, with every problem found, in file order. */
public final class DatasetLoader {
    private DatasetLoader() {
    }

    /** Loads with the schema of the file's sidecar ({@link LabelSchemaFile#sidecarFor}) if there is one, else the default. */
    public static LoadResult load(Path file) throws IOException {
        DatasetReader.checkReadable(file);
        LabelSchema schema = LabelSchemaFile.read(LabelSchemaFile.sidecarFor(file)).orElse(LabelSchema.defaultSchema());
        return load(file, schema);
    }

    public static LoadResult load(Path file, LabelSchema schema) throws IOException {
        CollectingSink sink = new CollectingSink();
        FileLayout layout = DatasetReader.read(file, schema, sink);
        return new LoadResult(new Dataset(schema, layout, sink.entries()), sink.problems());
    }
}
