package org.reasonlab.core.agreement;

/**
 * An agreement coefficient, or why it is undefined.
 *
 * @param value the coefficient; {@code NaN} when undefined
 * @param items how many records it was computed over
 * @param undefinedReason why there is no value, or null when there is one
 */
public record Coefficient(double value, int items, String undefinedReason) {

    static Coefficient of(double value, int items) {
        return new Coefficient(value, items, null);
    }

    static Coefficient undefined(String reason, int items) {
        return new Coefficient(Double.NaN, items, reason);
    }

    public boolean isDefined() {
        return undefinedReason == null;
    }
}
