package org.reasonlab.core.run;

/**
 * The model's answer to one evaluation record and how it scores; one line of {@code predictions.jsonl}.
 *
 * @param id the record's id, may be null
 * @param statement the statement asked about
 * @param goldLabel the record's label (canonical name)
 * @param goldReason the record's reason, may be null
 * @param generated the text the model generated, as generated
 * @param predictedLabel the label read from it, null when unparseable
 * @param generatedReason the reason read from it, null when there is none (always in mode L)
 * @param parseable whether a label could be read
 * @param reasonVerdict the label the generated reason argues for, null when it states none clearly
 * @param reasonAgrees whether that verdict is the predicted label; null when either is missing
 * @param rougeL ROUGE-L F1 of generated against gold reason, null when either is missing
 * @param tokenF1 token F1 of generated against gold reason, null when either is missing
 * @param likelihoodLabel the label whose answer text the model found most likely after the prompt (parse-free);
 *        null when not measured
 * @param truncated whether generation stopped at the token limit rather than at the answer's end
 * @param leaked whether the statement (normalised) occurs among the records the model was trained on, so
 *        that the leakage-free figures leave it out
 */
public record Prediction(String id, String statement, String goldLabel, String goldReason, String generated,
        String predictedLabel, String generatedReason, boolean parseable, String reasonVerdict, Boolean reasonAgrees,
        Double rougeL, Double tokenF1, String likelihoodLabel, boolean truncated, boolean leaked) {

    /** A prediction without a likelihood label, neither truncated nor leaked. */
    public Prediction(String id, String statement, String goldLabel, String goldReason, String generated,
            String predictedLabel, String generatedReason, boolean parseable, String reasonVerdict,
            Boolean reasonAgrees, Double rougeL, Double tokenF1) {
        this(id, statement, goldLabel, goldReason, generated, predictedLabel, generatedReason, parseable,
                reasonVerdict, reasonAgrees, rougeL, tokenF1, null, false, false);
    }

    /** This prediction with {@code label} as its likelihood label. */
    public Prediction withLikelihoodLabel(String label) {
        return new Prediction(id, statement, goldLabel, goldReason, generated, predictedLabel, generatedReason,
                parseable, reasonVerdict, reasonAgrees, rougeL, tokenF1, label, truncated, leaked);
    }

    /** This prediction marked as made on a statement that occurs in the training records, or not. */
    public Prediction withLeaked(boolean isLeaked) {
        return new Prediction(id, statement, goldLabel, goldReason, generated, predictedLabel, generatedReason,
                parseable, reasonVerdict, reasonAgrees, rougeL, tokenF1, likelihoodLabel, truncated, isLeaked);
    }

    /** Whether the likelihood label is the gold label (false when not measured). */
    public boolean likelihoodCorrect() {
        return likelihoodLabel != null && likelihoodLabel.equals(goldLabel);
    }

    public boolean correct() {
        return predictedLabel != null && predictedLabel.equals(goldLabel);
    }
}
