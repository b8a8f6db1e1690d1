package org.reasonlab.ui.internal.views.overview;

import org.eclipse.core.resources.IFile;

/** What a {@link DatasetOverviewJob} produced: an overview, or the reason there is none. */
public sealed interface OverviewOutcome {

    IFile file();

    /** The file was read; here is its overview. */
    record Loaded(DatasetOverview overview) implements OverviewOutcome {
        @Override
        public IFile file() {
            return overview.file();
        }
    }

    /** The file could not be read, for the reason given, in words fit to show the user. */
    record Failed(IFile file, String message) implements OverviewOutcome {
    }
}
