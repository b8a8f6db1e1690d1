package org.reasonlab.ui.internal.markers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.statushandlers.StatusManager;
import org.eclipse.ui.views.markers.WorkbenchMarkerResolution;
import org.reasonlab.core.edit.RecordFix;
import org.reasonlab.core.edit.RecordFixer;
import org.reasonlab.core.validate.ProblemKind;

/**
 * Quick fix for one kind of text hygiene problem in the marker's record; in the Quick Fix dialog it
 * also offers the other markers of the same kind (in any file). The markers of one file are fixed
 * together, as one undoable edit in the dataset editor or one rewrite of the file
 * ({@link MarkerFixes}).
 */
public final class RecordFixResolution extends WorkbenchMarkerResolution {
    private final ProblemKind kind;

    public RecordFixResolution(ProblemKind kind) {
        if (!RecordFixer.canFix(kind)) {
            throw new IllegalArgumentException("no fix for " + kind);
        }
        this.kind = Objects.requireNonNull(kind);
    }

    public ProblemKind kind() {
        return kind;
    }

    @Override
    public String getLabel() {
        return RecordFixer.label(kind);
    }

    @Override
    public String getDescription() {
        return RecordFixer.label(kind) + " in the record's statement, reason and label. The fix is made in the "
                + "dataset editor, where it can be undone; without a dataset editor the file itself is rewritten.";
    }

    @Override
    public Image getImage() {
        return null;
    }

    @Override
    public IMarker[] findOtherMarkers(IMarker[] markers) {
        List<IMarker> others = new ArrayList<>();
        for (IMarker marker : markers) {
            RecordFix fix = DatasetMarkers.fixOf(marker);
            if (fix != null && fix.kind() == kind) {
                others.add(marker);
            }
        }
        return others.toArray(IMarker[]::new);
    }

    @Override
    public void run(IMarker marker) {
        run(new IMarker[] {marker}, null);
    }

    @Override
    public void run(IMarker[] markers, IProgressMonitor monitor) {
        Map<IFile, List<IMarker>> byFile = new LinkedHashMap<>();
        for (IMarker marker : markers) {
            if (marker.getResource() instanceof IFile file && DatasetMarkers.fixOf(marker) != null) {
                byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(marker);
            }
        }
        SubMonitor progress = SubMonitor.convert(monitor, getLabel(), byFile.size());
        for (Map.Entry<IFile, List<IMarker>> e : byFile.entrySet()) {
            List<RecordFix> fixes = new ArrayList<>();
            for (IMarker marker : e.getValue()) {
                RecordFix fix = DatasetMarkers.fixOf(marker);
                fixes.add(new RecordFix(fix.entryIndex(), fix.recordId(), kind));
            }
            try {
                MarkerFixes.fix(e.getKey(), fixes, e.getValue().get(0), progress.split(1));
            } catch (CoreException ex) {
                StatusManager.getManager().handle(ex.getStatus(), StatusManager.SHOW | StatusManager.LOG);
            }
        }
    }
}
