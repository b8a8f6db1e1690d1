package org.reasonlab.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.reasonlab.core.edit.DatasetEdit;
import org.reasonlab.core.edit.DatasetIndex;
import org.reasonlab.core.edit.EntryReplacement;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.validate.ValidationProblem;

/**
 * The dataset an editor shows: its entries, the index used to filter them, the last validation
 * and the editor's undo context. Changed only on the UI thread, through {@link DatasetEditOperation}s,
 * so listeners always run on the UI thread.
 */
public final class DatasetModel {
    /** What changed, for listeners that can update cheaply. */
    public enum Change {
        /** One or more entries were replaced; {@code index} is the first. */
        ENTRY,
        /** Entries were inserted or removed: row numbers shifted. */
        STRUCTURE,
        /** A new validation result. */
        PROBLEMS,
        /** The whole dataset was (re)loaded. */
        RELOADED
    }

    public interface Listener {
        void changed(Change change, int index);
    }

    private final IUndoContext undoContext;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Dataset dataset;
    private DatasetIndex index;
    private List<ParseProblem> parseProblems;
    private long generation;

    /** @param index built for {@code load}'s dataset (off the UI thread: it costs time on large files) */
    public DatasetModel(LoadResult load, DatasetIndex index, String name) {
        undoContext = new ObjectUndoContext(this, name);
        setLoaded(load, index);
    }

    public IUndoContext undoContext() {
        return undoContext;
    }

    public Dataset dataset() {
        return dataset;
    }

    public DatasetIndex index() {
        return index;
    }

    public List<ParseProblem> parseProblems() {
        return parseProblems;
    }

    public DatasetEntry entry(int entryIndex) {
        return dataset.entries().get(entryIndex);
    }

    /** Increases with every change of the entries; validation results for an older generation are dropped. */
    public long generation() {
        return generation;
    }

    /** The entries as they are now, safe to read on another thread (edits replace entries, never change them). */
    public List<DatasetEntry> snapshot() {
        return new ArrayList<>(dataset.entries());
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Replaces everything by a fresh load (revert, reload after an external change). */
    public void setLoaded(LoadResult load, DatasetIndex newIndex) {
        if (newIndex.dataset() != load.dataset()) {
            throw new IllegalArgumentException("the index is not the loaded dataset's");
        }
        dataset = load.dataset();
        parseProblems = load.problems();
        index = newIndex;
        generation++;
        fire(Change.RELOADED, 0);
    }

    void apply(List<DatasetEdit> edits) {
        for (DatasetEdit edit : edits) {
            edit.apply(dataset);
        }
        changed(edits);
    }

    void revert(List<DatasetEdit> edits) {
        for (int i = edits.size() - 1; i >= 0; i--) {
            edits.get(i).revert(dataset);
        }
        changed(edits);
    }

    /** Takes a validation result computed on the entries of {@code forGeneration}; ignored if stale. */
    public boolean setProblems(List<ValidationProblem> problems, long forGeneration) {
        if (forGeneration != generation) {
            return false;
        }
        index.setProblems(problems);
        fire(Change.PROBLEMS, 0);
        return true;
    }

    private void changed(List<DatasetEdit> edits) {
        generation++;
        boolean structural = edits.stream().anyMatch(e -> !(e instanceof EntryReplacement));
        if (structural) {
            index.rebuild();
            fire(Change.STRUCTURE, edits.get(0).index());
        } else {
            for (DatasetEdit edit : edits) {
                index.entryChanged(edit.index());
            }
            fire(Change.ENTRY, edits.get(0).index());
        }
    }

    private void fire(Change change, int entryIndex) {
        for (Listener l : listeners) {
            l.changed(change, entryIndex);
        }
    }
}
