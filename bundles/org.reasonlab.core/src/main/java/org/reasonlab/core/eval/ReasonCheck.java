package org.reasonlab.core.eval;

/**
 * What a generated reason argues for.
 *
 * @param verdict the label the reason argues for, null when it states none clearly
 * @param agrees whether that is the predicted label; null when there is no verdict or no predicted label
 */
public record ReasonCheck(String verdict, Boolean agrees) {
}
