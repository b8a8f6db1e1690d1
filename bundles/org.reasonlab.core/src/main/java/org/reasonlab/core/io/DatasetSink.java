package org.reasonlab.core.io;

import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.RawLine;

/** Receives what {@link DatasetReader} reads, in file order. */
public interface DatasetSink {

    /** A parsed record, with its source line set. */
    void record(DatasetRecord record);

    /** A line (or multi-line CSV row) that could not be parsed, kept verbatim, and why. */
    void rawLine(RawLine line, ParseProblem problem);

    /** A problem with a record that was kept, such as an unknown label; reported before that record. */
    void problem(ParseProblem problem);
}
