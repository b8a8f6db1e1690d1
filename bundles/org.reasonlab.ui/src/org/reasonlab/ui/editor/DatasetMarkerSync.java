package org.reasonlab.ui.editor;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.validate.ValidationProblem;

/** Bridge between the editor and the Problems view markers. */
final class DatasetMarkerSync {
    private DatasetMarkerSync() {
    }

    static void update(IFile file, List<ValidationProblem> problems, boolean saved) {
        // wired to the marker package
    }

    /** The entry a marker points at: by line number, which the editor's entries keep from the file. */
    static int entryIndexOf(IMarker marker, DatasetModel model) {
        int line = marker.getAttribute(IMarker.LINE_NUMBER, -1);
        List<DatasetEntry> entries = model.dataset().entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).sourceLine() == line) {
                return i;
            }
        }
        return -1;
    }

    static <T> T fixTarget(DatasetEditor editor, Class<T> adapter) {
        return null;
    }
}
