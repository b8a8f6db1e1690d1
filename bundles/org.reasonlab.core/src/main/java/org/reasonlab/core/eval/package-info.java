/**
 * Scores of an evaluation: label accuracy and per-class scores
 * ({@link org.reasonlab.core.eval.ClassificationMetrics}), reason overlap with the gold reason
 * ({@link org.reasonlab.core.eval.RougeL}, {@link org.reasonlab.core.eval.TokenF1}), whether a reason
 * argues for its predicted label ({@link org.reasonlab.core.eval.ReasonChecks}), one scored
 * prediction per record ({@link org.reasonlab.core.eval.PredictionScorer}) and the run's
 * {@code metrics.json} ({@link org.reasonlab.core.eval.MetricsReport}).
 */
package org.reasonlab.core.eval;
