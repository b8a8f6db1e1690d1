package org.reasonlab.core.traces;

/** Why {@link TraceFilter} left a record out; each dropped record counts under the first that applies. */
public enum DropReason {
    NO_TRACE("no-trace", "no trace"),
    CORRECT("correct", "correct, not asked for"),
    INCORRECT("incorrect", "incorrect"),
    UNCLEAR("unclear", "no clear verdict"),
    TOO_SHORT("too-short", "shorter than --min-length"),
    TOO_LONG("too-long", "longer than --max-length"),
    OTHER_BUCKET("other-bucket", "in another length bucket");

    private final String id;
    private final String description;

    DropReason(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The key in JSON output. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    static DropReason of(Correctness correctness) {
        return switch (correctness) {
            case CORRECT -> CORRECT;
            case INCORRECT -> INCORRECT;
            case UNCLEAR -> UNCLEAR;
        };
    }
}
