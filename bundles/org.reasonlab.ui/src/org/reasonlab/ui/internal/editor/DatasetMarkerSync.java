package org.reasonlab.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.reasonlab.core.edit.DatasetEdit;
import org.reasonlab.core.edit.EntryReplacement;
import org.reasonlab.core.edit.RecordFix;
import org.reasonlab.core.edit.RecordFixer;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.validate.ProblemKind;
import org.reasonlab.ui.internal.markers.DatasetMarkers;
import org.reasonlab.ui.internal.markers.RecordFixTarget;

/**
 * The editor's side of the Problems view: finds a marker's record, and applies quick fixes as
 * undoable edits. The markers themselves come from the project builder when a file is saved.
 */
final class DatasetMarkerSync implements RecordFixTarget {
    private final DatasetEditor editor;

    private DatasetMarkerSync(DatasetEditor editor) {
        this.editor = editor;
    }

    /** The entry a marker points at: by entry index and record id, else by the line the entry came from; -1 if gone. */
    static int entryIndexOf(IMarker marker, DatasetModel model) {
        List<DatasetEntry> entries = model.dataset().entries();
        int found = RecordFixer.locate(entries, DatasetMarkers.entryIndex(marker), DatasetMarkers.recordId(marker));
        if (found >= 0) {
            return found;
        }
        int index = DatasetMarkers.entryIndex(marker);
        int line = DatasetMarkers.line(marker);
        if (index >= 0 && index < entries.size() && (line <= 0 || entries.get(index).sourceLine() == line)) {
            return index;
        }
        for (int i = 0; line > 0 && i < entries.size(); i++) {
            if (entries.get(i).sourceLine() == line) {
                return i;
            }
        }
        return -1;
    }

    static <T> T fixTarget(DatasetEditor editor, Class<T> adapter) {
        return adapter == RecordFixTarget.class && editor.model() != null ? adapter.cast(new DatasetMarkerSync(editor)) : null;
    }

    @Override
    public boolean applyFix(int entryIndex, String recordId, ProblemKind kind) {
        return applyFixes(List.of(new RecordFix(entryIndex, recordId, kind))) > 0;
    }

    @Override
    public int applyFixes(List<RecordFix> fixes) {
        editor.commitPendingText();
        return run("Quick fix", RecordFixer.replacements(editor.model().dataset().entries(), fixes));
    }

    @Override
    public int applyFixToAll(ProblemKind kind) {
        editor.commitPendingText();
        return run("Fix all: " + RecordFixer.label(kind), RecordFixer.replacementsForAll(editor.model().dataset().entries(), kind));
    }

    private int run(String label, List<EntryReplacement> edits) {
        if (!edits.isEmpty()) {
            editor.execute(label, new ArrayList<DatasetEdit>(edits));
        }
        return edits.size();
    }
}
