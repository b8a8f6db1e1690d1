package org.reasonlab.ui.internal.markers;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.reasonlab.core.edit.RecordFix;
import org.reasonlab.core.edit.RecordFixer;
import org.reasonlab.core.validate.ProblemKind;
import org.reasonlab.core.validate.Severity;
import org.reasonlab.core.validate.ValidationProblem;
import org.reasonlab.ui.ReasonLabUi;

/**
 * The dataset problem marker: its type, its attributes and how to read them.
 * <p>
 * Besides the standard {@link IMarker#SEVERITY}, {@link IMarker#MESSAGE}, {@link IMarker#LINE_NUMBER}
 * (the record's 1-based source line) and {@link IMarker#LOCATION} ({@code "line 3, record s003"}),
 * a dataset problem marker carries {@link #KIND} (a {@link ProblemKind} name, or {@link #KIND_READ_ERROR}
 * / {@link #KIND_MORE_PROBLEMS}), {@link #RECORD_ID}, {@link #ENTRY_INDEX} (the position in
 * {@code Dataset.entries()} when the file was validated) and {@link #FIELD}. Attributes that do
 * not apply are absent.
 */
public final class DatasetMarkers {
    /** The marker type: a persistent problem and text marker. */
    public static final String PROBLEM = ReasonLabUi.DATASET_PROBLEM_MARKER;

    /** String: the {@link ProblemKind#name()}, or {@link #KIND_READ_ERROR} or {@link #KIND_MORE_PROBLEMS}. */
    public static final String KIND = "problemKind";
    /** String: the record's id; absent for records without one and for unparsed lines. */
    public static final String RECORD_ID = "recordId";
    /** Integer: the entry's index in {@code Dataset.entries()} at validation time; absent for file-level markers. */
    public static final String ENTRY_INDEX = "entryIndex";
    /** String: the field concerned ({@code statement}, {@code label}, {@code reason}, {@code id}, {@code split}); absent when the whole entry is. */
    public static final String FIELD = "field";

    /** {@link #KIND} of the one marker a file gets when it cannot be read at all. */
    public static final String KIND_READ_ERROR = "READ_ERROR";
    /** {@link #KIND} of the marker that stands for the problems beyond the marker limit. */
    public static final String KIND_MORE_PROBLEMS = "MORE_PROBLEMS";

    /** {@link IMarker#SOURCE_ID} of every dataset problem marker. */
    public static final String SOURCE_ID = "ReasonLab";

    /**
     * The id of the dataset editor. Quick fixes open it (when it is registered) to apply a fix as an
     * undoable edit through its {@link RecordFixTarget} adapter.
     */
    public static final String DATASET_EDITOR_ID = "org.reasonlab.ui.editors.dataset";

    private DatasetMarkers() {
    }

    /** The {@link IMarker#SEVERITY} for a core severity. */
    public static int severity(Severity severity) {
        return switch (severity) {
            case ERROR -> IMarker.SEVERITY_ERROR;
            case WARNING -> IMarker.SEVERITY_WARNING;
            case INFO -> IMarker.SEVERITY_INFO;
        };
    }

    /** The marker's problem kind, or null for read errors, the "more problems" marker and other markers. */
    public static ProblemKind kind(IMarker marker) {
        String name = marker.getAttribute(KIND, null);
        if (name == null) {
            return null;
        }
        try {
            return ProblemKind.valueOf(name);
        } catch (IllegalArgumentException notAProblemKind) {
            return null;
        }
    }

    /** The marker's entry index, or -1 when it has none. */
    public static int entryIndex(IMarker marker) {
        return marker.getAttribute(ENTRY_INDEX, -1);
    }

    /** The marker's record id, or null. */
    public static String recordId(IMarker marker) {
        return marker.getAttribute(RECORD_ID, null);
    }

    /** The marker's field, or null. */
    public static String field(IMarker marker) {
        return marker.getAttribute(FIELD, null);
    }

    /** The marker's 1-based line, or 0 when it has none. */
    public static int line(IMarker marker) {
        return Math.max(0, marker.getAttribute(IMarker.LINE_NUMBER, 0));
    }

    /** Whether the marker is a dataset problem marker (its type or a subtype). */
    public static boolean isDatasetProblem(IMarker marker) {
        try {
            return marker.exists() && marker.isSubtypeOf(PROBLEM);
        } catch (CoreException gone) {
            return false;
        }
    }

    /** The fix the marker asks for, or null when it has no quick fix (not a fixable kind, or no record). */
    public static RecordFix fixOf(IMarker marker) {
        if (!isDatasetProblem(marker)) {
            return null;
        }
        ProblemKind kind = kind(marker);
        int entryIndex = entryIndex(marker);
        if (kind == null || !RecordFixer.canFix(kind) || entryIndex < 0) {
            return null;
        }
        return new RecordFix(entryIndex, recordId(marker), kind);
    }

    /** {@link IMarker#LOCATION} text: {@code "line 3, record s003"}, {@code "line 3"} or {@code "entry 4"}. */
    public static String location(int line, String recordId, int entryIndex) {
        String where = line > 0 ? "line " + line : entryIndex >= 0 ? "entry " + (entryIndex + 1) : "whole file";
        return recordId == null || recordId.isBlank() ? where : where + ", record " + recordId;
    }

    /** {@link IMarker#MESSAGE} text: the kind's title, then the problem's message. */
    public static String message(ValidationProblem problem) {
        return problem.kind().title() + ": " + problem.message();
    }
}
