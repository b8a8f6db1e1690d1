package org.reasonlab.core.traces;

import java.util.ArrayList;
import java.util.List;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;

/**
 * The records of a dataset judged by their reasons as they are now, which after {@code traces import} are the
 * traces: a trace edited since the import counts as edited (the metadata the import wrote is its record of the
 * import). Records without a reason have no trace. Works on any dataset, so human reasons can be judged alike.
 *
 * @param traced the records with a reason, in file order
 * @param untraced the records without one (null or blank), in file order
 */
public record TracedRecords(List<TracedRecord> traced, List<DatasetRecord> untraced) {

    public TracedRecords {
        traced = List.copyOf(traced);
        untraced = List.copyOf(untraced);
    }

    public static TracedRecords of(Dataset dataset) {
        return of(dataset, null);
    }

    /** The records of one split judged (null: all), as after {@code traces import --split}, which traced no other. */
    public static TracedRecords of(Dataset dataset, Split split) {
        TraceJudge judge = new TraceJudge(dataset.schema());
        List<TracedRecord> traced = new ArrayList<>();
        List<DatasetRecord> untraced = new ArrayList<>();
        for (DatasetRecord record : dataset.records()) {
            if (split != null && record.split() != split) {
                continue;
            }
            if (record.reason() == null || record.reason().isBlank()) {
                untraced.add(record);
            } else {
                traced.add(new TracedRecord(record, judge.judge(record.label(), record.reason())));
            }
        }
        return new TracedRecords(traced, untraced);
    }

    /** The traced records' lengths in words, in file order. */
    public int[] words() {
        return traced.stream().mapToInt(t -> t.judgement().words()).toArray();
    }

    /** Short, medium and long by the tertiles of the traced records' lengths. */
    public LengthBuckets tertiles() {
        return LengthBuckets.tertiles(words());
    }
}
