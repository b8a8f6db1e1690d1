package org.reasonlab.ui.internal.results;

import java.nio.file.Path;
import java.util.List;

/** Package-private parts of the blinded review for tests in other packages. */
public final class BlindReviewAccess {
    private BlindReviewAccess() {
    }

    /** The runs a blinded review of this selection takes ({@link BlindReviewHandler#runsOf}). */
    public static List<Path> runsOf(Object selection) {
        return BlindReviewHandler.runsOf(selection);
    }
}
