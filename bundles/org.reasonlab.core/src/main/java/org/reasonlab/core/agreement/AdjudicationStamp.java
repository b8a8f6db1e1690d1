package org.reasonlab.core.agreement;

import java.util.Objects;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Who settled a record's final label and reason, and when, as kept in the record's metadata under
 * {@value #METADATA_KEY}:
 * <pre>
 * "adjudication":{"by":"maria","time":"2026-11-02T10:15:00Z","source":"annotator","annotator":"ann2"}
 * "adjudication":{"by":"maria","time":"2026-11-02T10:20:00Z","source":"curator"}
 * </pre>
 * {@code source} is {@code annotator} when an annotator's label and reason were adopted (named in
 * {@code annotator}) and {@code curator} when the curator wrote them; a separate field keeps an
 * annotator who happens to be called "curator" apart from the curator.
 *
 * @param by the curator who decided
 * @param time when, ISO-8601 in UTC to the second
 * @param source {@link #FROM_ANNOTATOR} or {@link #FROM_CURATOR}
 * @param annotator the annotator adopted, or null when the curator wrote the label and reason
 */
public record AdjudicationStamp(String by, String time, String source, String annotator) {
    public static final String METADATA_KEY = "adjudication";
    public static final String FROM_ANNOTATOR = "annotator";
    public static final String FROM_CURATOR = "curator";

    public AdjudicationStamp {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        if (!source.equals(FROM_ANNOTATOR) && !source.equals(FROM_CURATOR)) {
            throw new IllegalArgumentException("source must be annotator or curator, not " + source);
        }
        if (source.equals(FROM_ANNOTATOR) != (annotator != null)) {
            throw new IllegalArgumentException("an annotator is named exactly when the source is annotator");
        }
    }

    public boolean fromCurator() {
        return source.equals(FROM_CURATOR);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("by", by);
        o.addProperty("time", time);
        o.addProperty("source", source);
        if (annotator != null) {
            o.addProperty("annotator", annotator);
        }
        return o;
    }

    /** The stamp in a record's metadata, or empty when there is none or it is not in this shape. */
    public static Optional<AdjudicationStamp> read(JsonObject metadata) {
        if (metadata == null || !(metadata.get(METADATA_KEY) instanceof JsonObject o)) {
            return Optional.empty();
        }
        String by = text(o.get("by"));
        String time = text(o.get("time"));
        String source = text(o.get("source"));
        String annotator = text(o.get("annotator"));
        if (by == null || time == null || source == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AdjudicationStamp(by, time, source, annotator));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }
}
