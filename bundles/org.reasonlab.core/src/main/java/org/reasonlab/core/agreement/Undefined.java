package org.reasonlab.core.agreement;

/** Why a coefficient has no value, in words the report shows. */
final class Undefined {
    static final String NO_OVERLAP = "no record was labelled by 2 or more annotators";
    static final String ONE_LABEL = "every rating is the same label, so no disagreement is expected by chance";
    static final String FEWER_THAN_TWO_ANNOTATORS = "fewer than 2 annotators";

    private Undefined() {
    }
}
