package org.reasonlab.core.edit;

import java.util.Objects;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;

/** Inserts {@code entry} so that it ends up at {@code index}. */
public record EntryInsertion(int index, DatasetEntry entry) implements DatasetEdit {

    public EntryInsertion {
        Objects.requireNonNull(entry, "entry");
    }

    @Override
    public void apply(Dataset dataset) {
        dataset.entries().add(index, entry);
    }

    @Override
    public void revert(Dataset dataset) {
        if (dataset.entries().get(index) != entry) {
            throw new IllegalStateException("Entry " + index + " is not the inserted one; the insertion cannot be undone");
        }
        dataset.entries().remove(index);
    }
}
