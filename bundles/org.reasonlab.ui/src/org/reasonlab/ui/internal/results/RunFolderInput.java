package org.reasonlab.ui.internal.results;

import java.nio.file.Path;
import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** A run folder as an editor's input (the reason review reads its predictions.jsonl and reviews.jsonl). */
public final class RunFolderInput implements IEditorInput {
    private final Path folder;

    public RunFolderInput(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    @Override
    public boolean exists() {
        return folder.toFile().isDirectory();
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public String getName() {
        Path name = folder.getFileName();
        return "Review " + (name == null ? folder.toString() : name.toString());
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return "Reason review of " + folder;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunFolderInput other && other.folder.equals(folder);
    }

    @Override
    public int hashCode() {
        return folder.hashCode();
    }
}
