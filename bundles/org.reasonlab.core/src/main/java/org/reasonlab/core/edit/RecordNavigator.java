package org.reasonlab.core.edit;

import java.util.List;
import java.util.function.IntPredicate;

import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.text.TextHygiene;

/**
 * "Next unlabelled" and "next with problems" over the rows an editor shows (entry indices in
 * display order): searches forward from the current row and wraps around once.
 */
public final class RecordNavigator {
    private RecordNavigator() {
    }

    /** The row of the next record without a label after {@code currentRow}, or -1. */
    public static int nextUnlabelled(DatasetIndex index, int[] rows, int currentRow) {
        List<DatasetEntry> entries = index.dataset().entries();
        return next(rows, currentRow, e -> entries.get(e) instanceof DatasetRecord r && TextHygiene.isBlank(r.label()));
    }

    /** The row of the next entry with a validation problem after {@code currentRow}, or -1. */
    public static int nextWithProblems(DatasetIndex index, int[] rows, int currentRow) {
        return next(rows, currentRow, index::hasProblems);
    }

    /**
     * The first row after {@code currentRow} (wrapping; -1 starts at row 0) whose entry index
     * satisfies the test, or -1 when none does. The current row itself is checked last.
     */
    public static int next(int[] rows, int currentRow, IntPredicate entryTest) {
        int n = rows.length;
        for (int step = 1; step <= n; step++) {
            int row = Math.floorMod(currentRow + step, n);
            if (entryTest.test(rows[row])) {
                return row;
            }
        }
        return -1;
    }
}
