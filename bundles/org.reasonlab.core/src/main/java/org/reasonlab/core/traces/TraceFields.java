package org.reasonlab.core.traces;

import java.util.List;

/** The names of the fields (JSON Lines) and columns (CSV) a traces file is read from. */
final class TraceFields {
    static final String ID = "id";
    /**
     * The trace, then its synonym {@code reason}: a dataset written by another tool (or by ReasonLab) whose reasons
     * are a teacher's can be imported as it is. When a line has both, {@code trace} wins.
     */
    static final List<String> TRACE = List.of("trace", "reason");

    private TraceFields() {
    }
}
