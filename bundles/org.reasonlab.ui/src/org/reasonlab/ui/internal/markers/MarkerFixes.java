package org.reasonlab.ui.internal.markers;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.FileEditorInput;
import org.reasonlab.core.edit.RecordFix;
import org.reasonlab.core.validate.ProblemKind;

/**
 * Where a quick fix is applied: in the dataset editor through its {@link RecordFixTarget} adapter
 * (undoable; the file changes when the user saves) if the file is open in one or the dataset editor
 * ({@link DatasetMarkers#DATASET_EDITOR_ID}) is installed and can open it; otherwise on disk with
 * {@link DatasetFileFixer}. The file is not changed on disk while another editor holds unsaved
 * changes of it. Call on the UI thread.
 */
public final class MarkerFixes {
    private MarkerFixes() {
    }

    /** Applies the fixes to the file's records; returns how many records changed. */
    public static int fix(IFile file, List<RecordFix> fixes, IMarker reveal, IProgressMonitor monitor)
            throws CoreException {
        RecordFixTarget target = findTarget(file, reveal, true);
        if (target != null) {
            return fixes.size() == 1
                    ? (target.applyFix(fixes.get(0).entryIndex(), fixes.get(0).recordId(), fixes.get(0).kind()) ? 1 : 0)
                    : target.applyFixes(fixes);
        }
        requireNoUnsavedEditor(file);
        return DatasetFileFixer.fix(file, fixes, monitor);
    }

    /** Fixes the kind of problem in every record of the file; returns how many records changed. */
    public static int fixAll(IFile file, ProblemKind kind, IMarker reveal, IProgressMonitor monitor)
            throws CoreException {
        RecordFixTarget target = findTarget(file, reveal, true);
        if (target != null) {
            return target.applyFixToAll(kind);
        }
        requireNoUnsavedEditor(file);
        return DatasetFileFixer.fixAll(file, kind, monitor);
    }

    /**
     * The fix target for the file: an open editor on it that adapts to {@link RecordFixTarget}, or,
     * when {@code open} is set and there is none, the dataset editor opened on it. The editor found
     * is brought to the front and shows the marker.
     *
     * @return the target, or null when no editor can apply fixes to this file
     */
    public static RecordFixTarget findTarget(IFile file, IMarker reveal, boolean open) throws PartInitException {
        if (!PlatformUI.isWorkbenchRunning()) {
            return null;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        FileEditorInput input = new FileEditorInput(file);
        for (IWorkbenchWindow window : workbench.getWorkbenchWindows()) {
            for (IWorkbenchPage page : window.getPages()) {
                for (IEditorReference ref : page.findEditors(input, null, IWorkbenchPage.MATCH_INPUT)) {
                    IEditorPart editor = ref.getEditor(true);
                    RecordFixTarget target = editor == null ? null : editor.getAdapter(RecordFixTarget.class);
                    if (target != null) {
                        page.bringToTop(editor);
                        if (reveal != null) {
                            IDE.gotoMarker(editor, reveal);
                        }
                        return target;
                    }
                }
            }
        }
        if (!open || workbench.getEditorRegistry().findEditor(DatasetMarkers.DATASET_EDITOR_ID) == null) {
            return null;
        }
        IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        if (page == null) {
            return null;
        }
        IEditorPart editor = IDE.openEditor(page, file, DatasetMarkers.DATASET_EDITOR_ID, true);
        if (editor == null) {
            return null;
        }
        if (reveal != null) {
            IDE.gotoMarker(editor, reveal);
        }
        return editor.getAdapter(RecordFixTarget.class);
    }

    /** Fails when an editor has unsaved changes of the file, which writing the file would clash with. */
    static void requireNoUnsavedEditor(IFile file) throws CoreException {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        FileEditorInput input = new FileEditorInput(file);
        for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
            for (IWorkbenchPage page : window.getPages()) {
                for (IEditorReference ref : page.findEditors(input, null, IWorkbenchPage.MATCH_INPUT)) {
                    if (ref.isDirty()) {
                        throw new CoreException(Status.error(file.getName() + " has unsaved changes in the editor '"
                                + ref.getTitle() + "', which cannot apply this fix; save or close it first"));
                    }
                }
            }
        }
    }
}
