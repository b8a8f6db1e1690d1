package org.reasonlab.core.review.blind;

/**
 * What a blinded review may show of one item of a {@link ReviewSession}: the statement, its gold label and reason,
 * the generated reason and (unless the session hides it) the predicted label. It holds nothing that tells which
 * run the reason comes from: no run folder or name, no model, no mode, no prediction key, not the full generated
 * text (whose layout can give the mode away) and not the leakage flag. The item → run mapping stays inside the
 * session, which uses it only to write verdicts.
 *
 * @param index the item's position in the session's shuffled order, 0-based ({@link ReviewSession#item})
 * @param statement the statement the model was asked about
 * @param goldLabel the record's label
 * @param goldReason the record's reason, may be null
 * @param generatedReason the reason the model generated (never null: the session keeps only predictions with one)
 * @param predictedLabel the label the model predicted; null when the session hides it
 *        ({@link ReviewSession#hidePredictedLabel()}) or when no label could be read
 */
public record BlindItem(int index, String statement, String goldLabel, String goldReason, String generatedReason,
        String predictedLabel) {
}
