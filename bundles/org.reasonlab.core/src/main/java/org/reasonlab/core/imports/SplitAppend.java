package org.reasonlab.core.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.reasonlab.core.edit.DatasetMerge;
import org.reasonlab.core.edit.DatasetMerge.IdClash;
import org.reasonlab.core.edit.RecordStamps;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.DatasetSaver;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.Split;

/**
 * Imported records added to an existing dataset file as one split (the import wizard's "add to an
 * existing dataset"): every imported record gets the split and, optionally, an id prefix; the
 * existing file keeps its format, layout and entries, and the imported entries (unparseable lines
 * too) follow them. Saved atomically; nothing is written when an id would be in the file twice or
 * the label schemas differ.
 */
public final class SplitAppend {

    /** Why the records cannot be added; the message says it for a person. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    private SplitAppend() {
    }

    /**
     * @param imported the imported dataset, changed in place (split, ids)
     * @param source where it came from, for messages
     * @param idPrefix put before every imported id, or null
     * @return the dataset written to {@code existing}
     */
    public static Dataset append(Dataset imported, Path source, Path existing, Split split, String idPrefix)
            throws IOException, RefusedException {
        Dataset target = DatasetLoader.load(existing).dataset();
        if (!target.schema().equals(imported.schema())) {
            throw new RefusedException(existing + " has other labels (" + String.join(", ", target.schema().names())
                    + ") than the import (" + String.join(", ", imported.schema().names()) + ")");
        }
        RecordStamps.assignSplit(imported, split);
        if (idPrefix != null && !idPrefix.isEmpty()) {
            RecordStamps.prefixIds(imported, idPrefix);
        }
        List<DatasetMerge.Source> sources = List.of(new DatasetMerge.Source(existing, target),
                new DatasetMerge.Source(source, imported));
        Optional<IdClash> clash = DatasetMerge.firstIdClash(sources);
        if (clash.isPresent()) {
            throw new RefusedException("The " + clash.get().describe() + "; give the imported records an id prefix."
                    + " Nothing was written.");
        }
        Dataset merged = DatasetMerge.merge(sources);
        DatasetSaver.save(merged, existing);
        return merged;
    }
}
