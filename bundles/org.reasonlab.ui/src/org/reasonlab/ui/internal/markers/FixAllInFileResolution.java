package org.reasonlab.ui.internal.markers;

import java.util.Objects;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.statushandlers.StatusManager;
import org.reasonlab.core.edit.RecordFixer;
import org.reasonlab.core.validate.ProblemKind;

/**
 * Quick fix for one kind of text hygiene problem in every record of the marker's file, including
 * records beyond the marker limit; one undoable edit in the dataset editor, or one rewrite of the
 * file ({@link MarkerFixes}).
 */
public final class FixAllInFileResolution implements IMarkerResolution2 {
    private final ProblemKind kind;
    private final String fileName;

    public FixAllInFileResolution(ProblemKind kind, String fileName) {
        if (!RecordFixer.canFix(kind)) {
            throw new IllegalArgumentException("no fix for " + kind);
        }
        this.kind = kind;
        this.fileName = Objects.requireNonNull(fileName);
    }

    public ProblemKind kind() {
        return kind;
    }

    @Override
    public String getLabel() {
        return RecordFixer.label(kind) + " in every record of " + fileName;
    }

    @Override
    public String getDescription() {
        return RecordFixer.label(kind) + " in the statement, reason and label of every record of " + fileName
                + ", including problems not listed in the Problems view. The fix is made in the dataset editor, "
                + "where it can be undone; without a dataset editor the file itself is rewritten.";
    }

    @Override
    public Image getImage() {
        return null;
    }

    @Override
    public void run(IMarker marker) {
        if (!(marker.getResource() instanceof IFile file)) {
            return;
        }
        try {
            MarkerFixes.fixAll(file, kind, marker, null);
        } catch (CoreException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW | StatusManager.LOG);
        }
    }
}
