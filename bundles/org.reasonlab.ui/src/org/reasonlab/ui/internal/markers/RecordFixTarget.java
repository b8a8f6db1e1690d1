package org.reasonlab.ui.internal.markers;

import java.util.List;

import org.reasonlab.core.edit.RecordFix;
import org.reasonlab.core.edit.RecordFixer;
import org.reasonlab.core.validate.ProblemKind;

/**
 * Applies quick fixes as undoable edits. The dataset editor provides it as an adapter
 * ({@code editor.getAdapter(RecordFixTarget.class)}); quick fixes use it when the file is open in
 * such an editor, and otherwise change the file on disk ({@link DatasetFileFixer}).
 * <p>
 * {@link RecordFixer} computes the edits; an implementation only executes them, e.g.
 * <pre>{@code
 * List<EntryReplacement> edits = RecordFixer.replacements(model.dataset().entries(), fixes);
 * if (!edits.isEmpty()) history.execute(new DatasetEditOperation(label, model, new ArrayList<>(edits)), null, null);
 * return edits.size();
 * }</pre>
 * Called on the UI thread.
 */
public interface RecordFixTarget {

    /**
     * Fixes one record (found with {@link RecordFixer#locate}) as one undoable edit.
     *
     * @return whether the record was found and changed
     */
    boolean applyFix(int entryIndex, String recordId, ProblemKind kind);

    /**
     * Fixes several records as one undoable edit ({@link RecordFixer#replacements}).
     * The default applies them one by one, one edit each.
     *
     * @return how many records changed
     */
    default int applyFixes(List<RecordFix> fixes) {
        int changed = 0;
        for (RecordFix fix : fixes) {
            if (applyFix(fix.entryIndex(), fix.recordId(), fix.kind())) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Fixes this kind of problem in every record of the dataset as one undoable edit
     * ({@link RecordFixer#replacementsForAll}), including records beyond the marker limit.
     *
     * @return how many records changed
     */
    int applyFixToAll(ProblemKind kind);
}
