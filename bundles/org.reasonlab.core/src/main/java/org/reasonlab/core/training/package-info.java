/**
 * What a run trains on beyond its dataset's train split: data mixtures with per-source mitigations
 * ({@link org.reasonlab.core.training.MixtureSource}), counterfactual augmentation and the pairs of the
 * consistency term, composed into {@link org.reasonlab.core.training.TrainingItem}s by
 * {@link org.reasonlab.core.training.TrainingComposition}.
 */
package org.reasonlab.core.training;
