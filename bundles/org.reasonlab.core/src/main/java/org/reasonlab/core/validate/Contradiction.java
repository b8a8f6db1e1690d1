package org.reasonlab.core.validate;

/**
 * A reason that argues for a different label than the record has.
 *
 * @param label the record's label
 * @param verdict the label the reason argues for
 * @param phrase the words in the reason that state the verdict, e.g. {@code "is not ethical"}
 * @param excerpt the phrase in context for messages, with "..." where the reason goes on,
 *        e.g. {@code "... on your tax form is not ethical at all."}
 */
public record Contradiction(String label, String verdict, String phrase, String excerpt) {
}
