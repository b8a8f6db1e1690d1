package org.reasonlab.core.agreement;

/**
 * How often a label was used.
 *
 * @param label the label
 * @param ratings annotator ratings with this label
 * @param finalLabels records with annotations whose final label is this one
 */
public record LabelCount(String label, int ratings, int finalLabels) {
}
