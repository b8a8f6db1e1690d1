package org.reasonlab.ui.internal.contenttype;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentDescription;
import org.eclipse.core.runtime.content.IContentType;

/** The ReasonLab dataset content types and the question "is this file a dataset?". */
public final class DatasetContentTypes {
    /** Base type of every ReasonLab dataset format. */
    public static final String DATASET = "org.reasonlab.ui.dataset";
    /** JSON Lines datasets ({@code .jsonl}, {@code .ndjson}). */
    public static final String JSONL = "org.reasonlab.ui.dataset.jsonl";
    /** CSV datasets whose header names a statement column. */
    public static final String CSV = "org.reasonlab.ui.dataset.csv";

    private DatasetContentTypes() {
    }

    /** Whether the file exists and its content type is a ReasonLab dataset. */
    public static boolean isDataset(IFile file) {
        if (file == null || !file.exists()) {
            return false;
        }
        IContentType type = contentTypeOf(file);
        IContentType dataset = Platform.getContentTypeManager().getContentType(DATASET);
        return type != null && dataset != null && type.isKindOf(dataset);
    }

    private static IContentType contentTypeOf(IFile file) {
        try {
            IContentDescription description = file.getContentDescription();
            if (description != null) {
                return description.getContentType();
            }
            return null;
        } catch (CoreException outOfSyncOrUnreadable) {
            return contentTypeFromContents(file);
        }
    }

    /** Asks the content type manager directly, for files the workspace cannot describe (e.g. out of sync). */
    private static IContentType contentTypeFromContents(IFile file) {
        if (file.getLocation() == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file.getLocation().toPath())) {
            return Platform.getContentTypeManager().findContentTypeFor(in, file.getName());
        } catch (IOException e) {
            return null;
        }
    }
}
