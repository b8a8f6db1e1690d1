package org.reasonlab.core.validate;

/** How serious a validation problem is, most serious first. */
public enum Severity {
    /** The dataset is wrong and will mislead training or evaluation: fix before use. */
    ERROR,
    /** Probably a mistake; worth a look. */
    WARNING,
    /** Cosmetic; safe to fix automatically. */
    INFO
}
