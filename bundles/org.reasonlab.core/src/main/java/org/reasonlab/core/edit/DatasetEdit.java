package org.reasonlab.core.edit;

import org.reasonlab.core.model.Dataset;

/** An undoable change to a dataset's entries. */
public sealed interface DatasetEdit permits EntryReplacement, EntryInsertion, EntryRemoval {
    void apply(Dataset dataset);

    void revert(Dataset dataset);

    /** The entry index the edit concerns (where the editor should show the result). */
    int index();
}
