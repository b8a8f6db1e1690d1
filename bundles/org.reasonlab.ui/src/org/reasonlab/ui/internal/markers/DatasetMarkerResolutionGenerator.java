package org.reasonlab.ui.internal.markers;

import org.eclipse.core.resources.IMarker;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.reasonlab.core.edit.RecordFix;
import org.reasonlab.core.edit.RecordFixer;

/**
 * Quick fixes for dataset problem markers of the kinds {@link RecordFixer} can fix
 * (untrimmed whitespace, non-breaking spaces, mojibake): fix the record, or fix every record of the
 * file.
 */
public final class DatasetMarkerResolutionGenerator implements IMarkerResolutionGenerator2 {

    @Override
    public boolean hasResolutions(IMarker marker) {
        return DatasetMarkers.fixOf(marker) != null;
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        RecordFix fix = DatasetMarkers.fixOf(marker);
        if (fix == null) {
            return new IMarkerResolution[0];
        }
        return new IMarkerResolution[] {new RecordFixResolution(fix.kind()),
                new FixAllInFileResolution(fix.kind(), marker.getResource().getName())};
    }
}
