package org.reasonlab.core.agreement;

/**
 * One annotator's label for a record, as the agreement report shows it.
 *
 * @param annotator who
 * @param label the label, resolved through the schema
 * @param reason the reason they gave, may be null
 */
public record Rating(String annotator, String label, String reason) {
}
