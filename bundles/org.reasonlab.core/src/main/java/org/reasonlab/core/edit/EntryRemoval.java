package org.reasonlab.core.edit;

import java.util.Objects;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;

/** Removes the entry at {@code index}, which must be {@code entry}. */
public record EntryRemoval(int index, DatasetEntry entry) implements DatasetEdit {

    public EntryRemoval {
        Objects.requireNonNull(entry, "entry");
    }

    @Override
    public void apply(Dataset dataset) {
        if (dataset.entries().get(index) != entry) {
            throw new IllegalStateException("Entry " + index + " was changed by another edit; it is not removed");
        }
        dataset.entries().remove(index);
    }

    @Override
    public void revert(Dataset dataset) {
        dataset.entries().add(index, entry);
    }
}
