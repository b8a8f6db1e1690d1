package org.reasonlab.ui.internal.views.overview;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.reasonlab.ui.internal.contenttype.DatasetContentTypes;

/** What a workbench selection means to the Dataset Overview. */
sealed interface SelectedResource {

    /** The first selected element is (or adapts to) a dataset file. */
    record Dataset(IFile file) implements SelectedResource {
    }

    /** The first selected element is a workspace resource, but not a dataset file. */
    record OtherResource(IResource resource) implements SelectedResource {
    }

    /** The selection is not about workspace resources, or is empty. */
    record Nothing() implements SelectedResource {
    }

    static SelectedResource of(ISelection selection) {
        if (!(selection instanceof IStructuredSelection structured) || structured.isEmpty()) {
            return new Nothing();
        }
        Object first = structured.getFirstElement();
        IFile file = Adapters.adapt(first, IFile.class);
        IResource resource = file != null ? file : Adapters.adapt(first, IResource.class);
        if (resource == null) {
            return new Nothing();
        }
        if (resource instanceof IFile candidate && DatasetContentTypes.isDataset(candidate)) {
            return new Dataset(candidate);
        }
        return new OtherResource(resource);
    }
}
