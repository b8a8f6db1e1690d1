package org.reasonlab.core.review;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of {@code reviews.jsonl}: a reviewer's verdict on the generated reason of one prediction.
 *
 * @param predictionId the prediction's key ({@link ReviewSet#keyOf}: its record id)
 * @param reviewer who reviewed
 * @param verdict the verdict; null when the reviewer withdrew an earlier verdict (unmark, undo)
 * @param time when
 * @param note optional free text, may be null
 * @param session the id of the blinded review session the verdict was given in
 *        ({@code org.reasonlab.core.review.blind.ReviewSession}), null for a verdict given in the ordinary
 *        (unblinded) review; not blank
 */
public record Review(String predictionId, String reviewer, ReviewVerdict verdict, Instant time, String note,
        String session) {
    public Review {
        Objects.requireNonNull(predictionId, "predictionId");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(time, "time");
        if (reviewer.isBlank()) {
            throw new IllegalArgumentException("reviewer must not be blank");
        }
        if (session != null && session.isBlank()) {
            throw new IllegalArgumentException("session must not be blank");
        }
    }

    /** A review given outside any blinded session ({@code session} null). */
    public Review(String predictionId, String reviewer, ReviewVerdict verdict, Instant time, String note) {
        this(predictionId, reviewer, verdict, time, note, null);
    }

    /** Whether this line withdraws a verdict rather than giving one. */
    public boolean withdrawn() {
        return verdict == null;
    }
}
