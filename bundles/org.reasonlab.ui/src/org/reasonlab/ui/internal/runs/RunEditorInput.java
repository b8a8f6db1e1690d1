package org.reasonlab.ui.internal.runs;

import java.util.Objects;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** The input of the run page: a run folder in the workspace. */
public final class RunEditorInput implements IEditorInput {
    private final IContainer folder;

    public RunEditorInput(IContainer folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    public IContainer folder() {
        return folder;
    }

    @Override
    public boolean exists() {
        return folder.exists();
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public String getName() {
        return folder.getName();
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return folder.getFullPath().toString();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter.isInstance(folder) && (adapter == IResource.class || adapter == IContainer.class
                || adapter == folder.getClass())) {
            return adapter.cast(folder);
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunEditorInput other && other.folder.equals(folder);
    }

    @Override
    public int hashCode() {
        return folder.hashCode();
    }
}
