package org.reasonlab.ui.internal.markers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IResourceProxy;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.reasonlab.ui.ReasonLabUi;

/**
 * Validates the project's dataset files ({@link DatasetFiles}) and keeps their problem markers up
 * to date: every file on a full build, the added and changed ones on an incremental build. Markers
 * of removed files go with the files; a file that is no longer a dataset (a CSV whose header lost its
 * statement column, a file marked derived) loses its markers. A changed label schema sidecar
 * ({@code NAME.labels.json}) revalidates its datasets.
 * <p>
 * The builder reads files from disk and only changes markers, so it needs no more than the project
 * as scheduling rule. When cancelled or interrupted it forgets its state, so the next build
 * validates everything again.
 */
public final class DatasetBuilder extends IncrementalProjectBuilder {
    /** The builder id, as in plugin.xml. */
    public static final String ID = ReasonLabUi.DATASET_BUILDER;

    /** Delta flags that mean a file's contents (or what it is) may have changed. */
    private static final int RELEVANT_CHANGES = IResourceDelta.CONTENT | IResourceDelta.REPLACED
            | IResourceDelta.ENCODING | IResourceDelta.TYPE | IResourceDelta.MOVED_FROM | IResourceDelta.DERIVED_CHANGED
            | IResourceDelta.LOCAL_CHANGED;

    private final DatasetFileValidator validator = new DatasetFileValidator();

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        IProject project = getProject();
        SubMonitor progress = SubMonitor.convert(monitor, "Validating datasets in " + project.getName(), 100);
        DatasetFiles datasets = new DatasetFiles();
        Set<IFile> validate = new LinkedHashSet<>();
        Set<IResource> clear = new LinkedHashSet<>();
        IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(project);
        try {
            if (delta == null) {
                collectAll(project, datasets, validate, clear);
            } else {
                collectChanged(delta, datasets, validate, clear);
            }
            progress.worked(5);
            for (IResource resource : clear) {
                DatasetProblemMarkers.clear(resource, IResource.DEPTH_ZERO);
            }
            validateAll(validate, progress.split(95));
        } catch (OperationCanceledException e) {
            forgetLastBuiltState();
            throw e;
        }
        return null;
    }

    @Override
    protected void clean(IProgressMonitor monitor) throws CoreException {
        DatasetProblemMarkers.clear(getProject(), IResource.DEPTH_INFINITE);
    }

    @Override
    public ISchedulingRule getRule(int kind, Map<String, String> args) {
        return getProject();
    }

    /** Full build: every dataset file; the markers of any other file go. */
    private static void collectAll(IProject project, DatasetFiles datasets, Set<IFile> validate,
            Set<IResource> clear) throws CoreException {
        project.accept((IResourceProxy proxy) -> {
            if (proxy.isDerived()) {
                return false;
            }
            if (proxy.getType() == IResource.FILE && datasets.hasDatasetName(proxy.getName())) {
                IFile file = (IFile) proxy.requestResource();
                if (datasets.isValidated(file)) {
                    validate.add(file);
                }
            }
            return true;
        }, IResource.NONE);
        for (IMarker marker : project.findMarkers(DatasetMarkers.PROBLEM, true, IResource.DEPTH_INFINITE)) {
            IResource resource = marker.getResource();
            if (!(resource instanceof IFile file) || !validate.contains(file)) {
                clear.add(resource);
            }
        }
    }

    /** Incremental build: the added and changed datasets, and those whose sidecar changed. */
    private static void collectChanged(IResourceDelta delta, DatasetFiles datasets, Set<IFile> validate,
            Set<IResource> clear) throws CoreException {
        List<IResource> sidecars = new ArrayList<>();
        delta.accept(d -> {
            IResource resource = d.getResource();
            if (resource.getType() != IResource.FILE) {
                return true;
            }
            boolean changed = d.getKind() == IResourceDelta.ADDED
                    || (d.getKind() == IResourceDelta.CHANGED && (d.getFlags() & RELEVANT_CHANGES) != 0);
            if (DatasetFiles.isSidecar(resource) && (changed || d.getKind() == IResourceDelta.REMOVED)) {
                sidecars.add(resource);
            }
            if (!changed) {
                return false;
            }
            IFile file = (IFile) resource;
            if (datasets.isValidated(file)) {
                validate.add(file);
            } else if (file.exists() && DatasetProblemMarkers.markersOf(file).length > 0) {
                clear.add(file);
            }
            return false;
        });
        for (IResource sidecar : sidecars) {
            validate.addAll(datasets.datasetsOf(sidecar));
        }
    }

    private void validateAll(Set<IFile> files, IProgressMonitor monitor) throws CoreException {
        List<IFile> list = new ArrayList<>(files);
        long[] weights = new long[list.size()];
        long total = 0;
        for (int i = 0; i < list.size(); i++) {
            weights[i] = weight(list.get(i));
            total += weights[i];
        }
        SubMonitor progress = SubMonitor.convert(monitor, (int) Math.min(Integer.MAX_VALUE, Math.max(total, 1)));
        for (int i = 0; i < list.size(); i++) {
            IFile file = list.get(i);
            if (isInterrupted()) {
                forgetLastBuiltState(); // the files not yet validated are validated next time
                return;
            }
            progress.subTask(file.getFullPath().toString());
            validator.validate(file, progress.split((int) weights[i]));
        }
    }

    /** Progress units of a file: one plus one per 256 KiB. */
    private static long weight(IFile file) {
        IPath location = file.getLocation();
        long bytes = location == null ? 0 : location.toFile().length();
        return 1 + Math.min(10_000, bytes / (256 * 1024));
    }
}
