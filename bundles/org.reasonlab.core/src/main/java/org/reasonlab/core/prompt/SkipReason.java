package org.reasonlab.core.prompt;

/** Why a record gave no training example. */
public enum SkipReason {
    NO_STATEMENT("no statement"),
    NO_LABEL("no label"),
    UNKNOWN_LABEL("a label the schema does not know"),
    NO_REASON("no reason, which the template's answer needs");

    private final String description;

    SkipReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
