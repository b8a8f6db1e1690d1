package org.reasonlab.ui.internal.markers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.core.runtime.content.IContentTypeManager;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.ui.internal.contenttype.DatasetContentTypes;

/**
 * Which workspace files the builder validates: files of the dataset content type
 * ({@link DatasetContentTypes#DATASET} or a subtype), except derived files and the JSON Lines files
 * a training run writes ({@code events.jsonl} and {@code predictions.jsonl} next to a
 * {@code spec.json}), which are not datasets. A snapshot of the content types' file associations,
 * taken when created, lets most other files be skipped by name without opening them.
 */
final class DatasetFiles {
    static final String SIDECAR_SUFFIX = ".labels.json";

    private final Set<String> extensions = new HashSet<>();
    private final Set<String> names = new HashSet<>();

    DatasetFiles() {
        IContentTypeManager manager = Platform.getContentTypeManager();
        IContentType dataset = manager.getContentType(DatasetContentTypes.DATASET);
        if (dataset == null) {
            return;
        }
        for (IContentType type : manager.getAllContentTypes()) {
            if (type.isKindOf(dataset)) {
                for (String e : type.getFileSpecs(IContentType.FILE_EXTENSION_SPEC)) {
                    extensions.add(e.toLowerCase(Locale.ROOT));
                }
                for (String n : type.getFileSpecs(IContentType.FILE_NAME_SPEC)) {
                    names.add(n.toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    /** Whether a file of this name may be a dataset (its extension or name is associated with a dataset type). */
    boolean hasDatasetName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (names.contains(lower)) {
            return true;
        }
        int dot = lower.lastIndexOf('.');
        return dot >= 0 && extensions.contains(lower.substring(dot + 1));
    }

    /** Whether the builder validates this file. */
    boolean isValidated(IFile file) {
        return file.exists() && hasDatasetName(file.getName()) && !file.isDerived(IResource.CHECK_ANCESTORS)
                && !isRunOutput(file) && DatasetContentTypes.isDataset(file);
    }

    /** Whether the file is one a training run writes into its run folder. */
    static boolean isRunOutput(IFile file) {
        String name = file.getName();
        return (name.equals(RunDirectory.EVENTS) || name.equals(RunDirectory.PREDICTIONS))
                && file.getParent().getFile(IPath.fromPortableString(RunDirectory.SPEC)).exists();
    }

    /** Whether the file is a label schema sidecar ({@code NAME.labels.json}). */
    static boolean isSidecar(IResource resource) {
        return resource.getType() == IResource.FILE && resource.getName().endsWith(SIDECAR_SUFFIX)
                && resource.getName().length() > SIDECAR_SUFFIX.length();
    }

    /** The validated datasets whose sidecar this is: {@code NAME.*} next to {@code NAME.labels.json}. */
    List<IFile> datasetsOf(IResource sidecar) throws CoreException {
        String name = sidecar.getName();
        String base = name.substring(0, name.length() - SIDECAR_SUFFIX.length());
        IContainer folder = sidecar.getParent();
        List<IFile> result = new ArrayList<>();
        if (folder == null || !folder.exists()) {
            return result;
        }
        for (IResource member : folder.members()) {
            if (member instanceof IFile file && !file.equals(sidecar) && base.equals(baseName(file.getName()))
                    && isValidated(file)) {
                result.add(file);
            }
        }
        return result;
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
