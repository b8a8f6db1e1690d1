package org.reasonlab.core.traces;

import org.reasonlab.core.model.DatasetRecord;

/** A record that has a trace (a reason), with what the trace says. */
public record TracedRecord(DatasetRecord record, TraceJudgement judgement) {
}
