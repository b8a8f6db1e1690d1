package org.reasonlab.core.edit;

import java.util.Objects;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;

/**
 * One undoable edit of a dataset: the entry at {@code index} is replaced by another. Edits never
 * change an entry in place, so the entry objects in an undo history stay valid snapshots.
 *
 * @param index position in {@link Dataset#entries()}
 * @param before the entry expected there before the edit
 * @param after the entry that replaces it
 */
public record EntryReplacement(int index, DatasetEntry before, DatasetEntry after) implements DatasetEdit {

    public EntryReplacement {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    @Override
    public void apply(Dataset dataset) {
        swap(dataset, before, after);
    }

    @Override
    public void revert(Dataset dataset) {
        swap(dataset, after, before);
    }

    /** True when the edit changes nothing (equal content). */
    public boolean isNoOp() {
        return before.equals(after);
    }

    private void swap(Dataset dataset, DatasetEntry expected, DatasetEntry replacement) {
        DatasetEntry current = dataset.entries().get(index);
        if (current != expected) {
            throw new IllegalStateException("Entry " + index + " (line " + current.sourceLine()
                    + ") was changed by another edit; this edit no longer applies");
        }
        dataset.entries().set(index, replacement);
    }
}
