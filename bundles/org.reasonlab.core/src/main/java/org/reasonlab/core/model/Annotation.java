package org.reasonlab.core.model;

import java.util.Objects;

/**
 * One annotator's judgement of a record: the label and reason they gave, and when.
 *
 * @param annotator who annotated, never null
 * @param label the label they chose (canonical name when the schema knows it), may be null
 * @param reason the reason they wrote, may be null
 * @param time when, as ISO-8601 text kept as written, may be null
 */
public record Annotation(String annotator, String label, String reason, String time) {
    public Annotation {
        Objects.requireNonNull(annotator, "annotator");
    }
}
