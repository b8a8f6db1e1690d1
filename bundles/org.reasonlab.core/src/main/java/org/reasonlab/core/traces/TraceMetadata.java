package org.reasonlab.core.traces;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.reasonlab.core.model.DatasetRecord;

/**
 * The record metadata {@code traces import} writes. A record that got a trace has its trace as reason and
 * <pre>{"humanReason": "...", "traceVerdict": "unethical", "traceCorrect": true, "traceWords": 42}</pre>
 * ({@code traceVerdict} and {@code traceCorrect} null when the verdict is unclear). A record without a trace has no
 * reason, its human one in {@code humanReason}, and none of the {@code trace*} fields.
 */
public final class TraceMetadata {
    /** The record's reason before the import, which the trace replaced. */
    public static final String HUMAN_REASON = "humanReason";
    /** The label the trace argues for, or null. */
    public static final String VERDICT = "traceVerdict";
    /** {@link Correctness#asBoolean()}. */
    public static final String CORRECT = "traceCorrect";
    /** The trace's length in words. */
    public static final String WORDS = "traceWords";

    private TraceMetadata() {
    }

    /** A copy of the record whose reason is the trace, with the metadata above. */
    static DatasetRecord withTrace(DatasetRecord record, String trace, TraceJudgement judgement) {
        DatasetRecord copy = record.copy();
        JsonObject metadata = keepHumanReason(copy);
        metadata.add(VERDICT, judgement.verdict() == null ? JsonNull.INSTANCE : new JsonPrimitive(judgement.verdict()));
        Boolean correct = judgement.correctness().asBoolean();
        metadata.add(CORRECT, correct == null ? JsonNull.INSTANCE : new JsonPrimitive(correct));
        metadata.addProperty(WORDS, judgement.words());
        copy.setMetadata(metadata);
        copy.setReason(trace);
        return copy;
    }

    /** A copy of the record without a reason: R->L training skips it rather than learn from a human reason. */
    static DatasetRecord withoutTrace(DatasetRecord record) {
        DatasetRecord copy = record.copy();
        JsonObject metadata = keepHumanReason(copy);
        metadata.remove(VERDICT);
        metadata.remove(CORRECT);
        metadata.remove(WORDS);
        copy.setMetadata(metadata.size() == 0 ? null : metadata);
        copy.setReason(null);
        return copy;
    }

    /**
     * The copy's metadata with its reason as {@link #HUMAN_REASON}; a record imported before already has one, and
     * its reason is then the earlier trace, which is not kept.
     */
    private static JsonObject keepHumanReason(DatasetRecord copy) {
        JsonObject metadata = copy.metadata() == null ? new JsonObject() : copy.metadata();
        if (!metadata.has(HUMAN_REASON) && copy.reason() != null) {
            metadata.addProperty(HUMAN_REASON, copy.reason());
        }
        return metadata;
    }
}
