package org.reasonlab.core.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * @param labelLogLikelihoods per label of the schema (in its order), the total log-likelihood (natural log) of the
 *        label's answer text after the prompt, from which {@code likelihoodLabel} is the most likely; null when not
 *        measured
 */
public record Prediction(String id, String statement, String goldLabel, String goldReason, String generated,
        String predictedLabel, String generatedReason, boolean parseable, String reasonVerdict, Boolean reasonAgrees,
        Double rougeL, Double tokenF1, String likelihoodLabel, boolean truncated, boolean leaked,
        Map<String, Double> labelLogLikelihoods) {

    public Prediction {
        labelLogLikelihoods = labelLogLikelihoods == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(labelLogLikelihoods));
    }

    /** A prediction without the labels' log-likelihoods. */
    public Prediction(String id, String statement, String goldLabel, String goldReason, String generated,
            String predictedLabel, String generatedReason, boolean parseable, String reasonVerdict,
            Boolean reasonAgrees, Double rougeL, Double tokenF1, String likelihoodLabel, boolean truncated,
            boolean leaked) {
        this(id, statement, goldLabel, goldReason, generated, predictedLabel, generatedReason, parseable,
                reasonVerdict, reasonAgrees, rougeL, tokenF1, likelihoodLabel, truncated, leaked, null);
    }

    /** A prediction without a likelihood label, neither truncated nor leaked. */
    public Prediction(String id, String statement, String goldLabel, String goldReason, String generated,
            String predictedLabel, String generatedReason, boolean parseable, String reasonVerdict,
            Boolean reasonAgrees, Double rougeL, Double tokenF1) {
        this(id, statement, goldLabel, goldReason, generated, predictedLabel, generatedReason, parseable,
                reasonVerdict, reasonAgrees, rougeL, tokenF1, null, false, false, null);
    }

    /** This prediction with {@code label} as its likelihood label. */
    public Prediction withLikelihoodLabel(String label) {
        return new Prediction(id, statement, goldLabel, goldReason, generated, predictedLabel, generatedReason,
                parseable, reasonVerdict, reasonAgrees, rougeL, tokenF1, label, truncated, leaked, labelLogLikelihoods);
    }

    /** This prediction with the labels' log-likelihoods ({@link #labelLogLikelihoods()}). */
    public Prediction withLabelLogLikelihoods(Map<String, Double> logLikelihoods) {
        return new Prediction(id, statement, goldLabel, goldReason, generated, predictedLabel, generatedReason,
                parseable, reasonVerdict, reasonAgrees, rougeL, tokenF1, likelihoodLabel, truncated, leaked,
                logLikelihoods);
    }

    /** This prediction marked as made on a statement that occurs in the training records, or not. */
    public Prediction withLeaked(boolean isLeaked) {
        return new Prediction(id, statement, goldLabel, goldReason, generated, predictedLabel, generatedReason,
                parseable, reasonVerdict, reasonAgrees, rougeL, tokenF1, likelihoodLabel, truncated, isLeaked,
                labelLogLikelihoods);
    }

    /** Whether the likelihood label is the gold label (false when not measured). */
    public boolean likelihoodCorrect() {
        return likelihoodLabel != null && likelihoodLabel.equals(goldLabel);
    }

    /**
     * The labels' probabilities renormalised over the labels: the softmax of {@link #labelLogLikelihoods()}, in its
     * order ({@code p(l) = exp(ll(l)) / sum over the labels of exp(ll)}). Null when the log-likelihoods were not
     * measured, or when one is NaN or +Infinity or all are -Infinity (no distribution to speak of).
     */
    public Map<String, Double> labelProbabilities() {
        if (labelLogLikelihoods == null || labelLogLikelihoods.isEmpty()) {
            return null;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (Double ll : labelLogLikelihoods.values()) {
            if (ll == null || ll.isNaN() || ll == Double.POSITIVE_INFINITY) {
                return null;
            }
            max = Math.max(max, ll);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return null;
        }
        double sum = 0;
        for (double ll : labelLogLikelihoods.values()) {
            sum += Math.exp(ll - max);
        }
        Map<String, Double> p = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : labelLogLikelihoods.entrySet()) {
            p.put(e.getKey(), Math.exp(e.getValue() - max) / sum);
        }
        return Collections.unmodifiableMap(p);
    }

    public boolean correct() {
        return predictedLabel != null && predictedLabel.equals(goldLabel);
    }
}
