package org.reasonlab.core.review;

/**
 * A line of {@code reviews.jsonl} that is not a review. It is kept in the file as it is, never dropped.
 *
 * @param line 1-based line number
 * @param text the line as read
 * @param message what is wrong with it
 */
public record ReviewLineProblem(int line, String text, String message) {
}
