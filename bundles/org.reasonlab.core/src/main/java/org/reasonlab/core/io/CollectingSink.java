package org.reasonlab.core.io;

import java.util.ArrayList;
import java.util.List;

import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.RawLine;

/** Keeps everything a reader delivers: the entries (records and raw lines) in file order, and every problem. */
public final class CollectingSink implements DatasetSink {
    private final List<DatasetEntry> entries = new ArrayList<>();
    private final List<ParseProblem> problems = new ArrayList<>();

    @Override
    public void record(DatasetRecord record) {
        entries.add(record);
    }

    @Override
    public void rawLine(RawLine line, ParseProblem problem) {
        entries.add(line);
        problems.add(problem);
    }

    @Override
    public void problem(ParseProblem problem) {
        problems.add(problem);
    }

    /** The records and raw lines, in file order. */
    public List<DatasetEntry> entries() {
        return entries;
    }

    public List<ParseProblem> problems() {
        return problems;
    }
}
