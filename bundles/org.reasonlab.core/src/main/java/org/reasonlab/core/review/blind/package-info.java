/**
 * Blinded review of generated reasons: the reasons of several runs are mixed in a seeded random order and shown
 * without run, model or mode (optionally without the predicted label), so that a reviewer cannot favour a setting.
 *
 * <ul>
 * <li>{@link org.reasonlab.core.review.blind.ReviewSession#create ReviewSession.create} picks the items (the
 * predictions of the chosen runs that have a generated reason, optionally a seeded sample of k per run, from the
 * keys every run has when there are enough of them, so that the runs are judged on the same statements), shuffles
 * them with the seed and writes {@code <name>.review-session.json} ({@link
 * org.reasonlab.core.review.blind.ReviewSessionFile}) atomically;
 * {@link org.reasonlab.core.review.blind.ReviewSession#open ReviewSession.open} reads it again.</li>
 * <li>The reviewer sees {@link org.reasonlab.core.review.blind.BlindItem}s, which say nothing about the run.</li>
 * <li>Verdicts ({@link org.reasonlab.core.review.blind.ReviewSession#mark mark}, {@code unmark}, {@code restore},
 * undoable) are appended at once to the {@code reviews.jsonl} of the item's run, as in the ordinary review, with
 * the session's id in the line's {@code session} field ({@link org.reasonlab.core.review.Review#session()}), so
 * that blinded verdicts are told apart from unblinded ones.</li>
 * <li>After the session, {@link org.reasonlab.core.review.blind.ReviewSessionResults} unblinds: the pooled
 * misalignment rate per run with its Wilson interval, a two-proportion test per pair of runs, Cohen's kappa per
 * pair of reviewers and Fleiss' kappa, each also on the leakage-free items (predictions not marked
 * {@code leaked}). They count only the session's verdicts: per run, each reviewer's latest line with the
 * session's id, so a later unblinded verdict on the same prediction does not change them.</li>
 * </ul>
 */
package org.reasonlab.core.review.blind;
