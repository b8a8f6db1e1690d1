/**
 * Annotator agreement and adjudication for records with per-annotator labels.
 * <p>
 * {@link org.reasonlab.core.agreement.RatingsMatrix} collects who gave which label to which record;
 * {@link org.reasonlab.core.agreement.AgreementAnalyzer} turns it into an
 * {@link org.reasonlab.core.agreement.AgreementReport} in one pass over the records (percent
 * agreement, Cohen's kappa per pair of annotators, Fleiss' kappa, Krippendorff's alpha, all for
 * nominal labels, and the records the annotators disagree on), printed by
 * {@link org.reasonlab.core.agreement.AgreementText} and
 * {@link org.reasonlab.core.agreement.AgreementJson}.
 * {@link org.reasonlab.core.agreement.Adjudicator} makes the undoable edit that settles a
 * record's final label and reason and stamps who decided in the record's metadata.
 */
package org.reasonlab.core.agreement;
