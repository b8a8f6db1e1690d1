package org.reasonlab.ui.internal.results;

import org.eclipse.ui.IWorkbenchPartSite;

/** What the review keys ({@link ReviewKeys}) act on: the reason review and the blinded review. */
interface ReviewActions {
    IWorkbenchPartSite getSite();

    boolean isLoaded();

    void markAligned();

    void markMisaligned();

    void clearVerdict();

    void nextUnreviewed();

    void move(int delta);
}
