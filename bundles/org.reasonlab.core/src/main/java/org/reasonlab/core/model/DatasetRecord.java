package org.reasonlab.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import com.google.gson.JsonObject;

/**
 * A statement with its label and the human-written reason for that label, in the style of DFAR.
 * <p>
 * {@code metadata} is the record's free {@code metadata} object; {@code extra} holds any other
 * top-level fields found in the source (unknown to ReasonLab), in source order, so that they survive
 * a load/save round trip. Both are null when absent, which keeps large datasets small in memory.
 */
public final class DatasetRecord implements DatasetEntry {
    private String id;
    private String statement;
    private String label;
    private String reason;
    private Split split;
    private List<Annotation> annotations = List.of();
    private JsonObject metadata;
    private JsonObject extra;
    private int sourceLine;
    private String lineEnd;

    public DatasetRecord(String id, String statement, String label, String reason, Split split) {
        this.id = id;
        this.statement = statement;
        this.label = label;
        this.reason = reason;
        this.split = split;
    }

    public String id() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String statement() {
        return statement;
    }

    public void setStatement(String statement) {
        this.statement = statement;
    }

    /** The label's canonical name in the dataset's schema, the text as found if the schema does not know it, or null. */
    public String label() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String reason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** The split, or null when the record has not been assigned one. */
    public Split split() {
        return split;
    }

    public void setSplit(Split split) {
        this.split = split;
    }

    /** The per-annotator labels and reasons, unmodifiable; empty when there are none. */
    public List<Annotation> annotations() {
        return annotations;
    }

    public void setAnnotations(List<Annotation> annotations) {
        this.annotations = annotations == null || annotations.isEmpty() ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(annotations));
    }

    public JsonObject metadata() {
        return metadata;
    }

    public void setMetadata(JsonObject metadata) {
        this.metadata = metadata;
    }

    /** Top-level fields unknown to ReasonLab, kept for the round trip; null when there are none. */
    public JsonObject extra() {
        return extra;
    }

    public void setExtra(JsonObject extra) {
        this.extra = extra;
    }

    @Override
    public int sourceLine() {
        return sourceLine;
    }

    public void setSourceLine(int sourceLine) {
        this.sourceLine = sourceLine;
    }

    @Override
    public String lineEnd() {
        return lineEnd;
    }

    public void setLineEnd(String lineEnd) {
        this.lineEnd = lineEnd;
    }

    /** A deep copy, for undoable edits. */
    public DatasetRecord copy() {
        DatasetRecord copy = new DatasetRecord(id, statement, label, reason, split);
        copy.annotations = annotations;
        copy.metadata = metadata == null ? null : metadata.deepCopy();
        copy.extra = extra == null ? null : extra.deepCopy();
        copy.sourceLine = sourceLine;
        copy.lineEnd = lineEnd;
        return copy;
    }

    /** Equal content; the source line and line break are not content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetRecord r && Objects.equals(id, r.id) && Objects.equals(statement, r.statement)
                && Objects.equals(label, r.label) && Objects.equals(reason, r.reason) && split == r.split
                && annotations.equals(r.annotations) && Objects.equals(metadata, r.metadata)
                && Objects.equals(extra, r.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, statement, label, reason, split);
    }

    @Override
    public String toString() {
        return "DatasetRecord[id=" + id + ", label=" + label + ", split=" + split + ", statement=" + statement + "]";
    }
}
