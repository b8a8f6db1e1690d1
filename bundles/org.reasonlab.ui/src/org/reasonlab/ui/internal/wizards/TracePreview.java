package org.reasonlab.ui.internal.wizards;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.traces.Correctness;
import org.reasonlab.core.traces.LengthBuckets;
import org.reasonlab.core.traces.TraceFile;
import org.reasonlab.core.traces.TraceFileReader;
import org.reasonlab.core.traces.TraceFilter;
import org.reasonlab.core.traces.TraceImport;
import org.reasonlab.core.traces.TraceStatistics;
import org.reasonlab.core.traces.TraceStatisticsReport;
import org.reasonlab.core.traces.TracedRecords;

/**
 * A teacher's traces joined to a dataset, before anything is written: what the Import Reasoning Traces wizard shows
 * and filters. The same core steps as {@code reasonlab traces import} and {@code filter}.
 *
 * @param refusal why the import must not be written ({@link TraceImport#refusal}), or null
 * @param buckets the traced records' length tertiles, which the filter's length choices name
 */
record TracePreview(Path datasetFile, Path tracesFile, Split split, LoadResult loaded, TraceFile traces,
        TraceImport imported, TracedRecords judged, LengthBuckets buckets, String refusal) {

    private static final int SHOWN = 20;

    static TracePreview of(Path datasetFile, Path tracesFile, Split split) throws IOException {
        LoadResult loaded = DatasetLoader.load(datasetFile);
        TraceFile traces = TraceFileReader.read(tracesFile);
        TraceImport imported = TraceImport.join(loaded.dataset(), datasetFile, traces.traces(), split);
        TracedRecords judged = TracedRecords.of(imported.dataset(), split);
        String refusal = imported.refusal(traces, datasetFile);
        if (split != null && loaded.dataset().recordStream().noneMatch(r -> r.split() == split)) {
            refusal = datasetFile.getFileName() + " has no record of split " + split.id()
                    + ": take traces for all records (previous page)";
        }
        return new TracePreview(datasetFile, tracesFile, split, loaded, traces, imported, judged, judged.tertiles(),
                refusal);
    }

    /** Lines of the dataset or the traces file that could not be read, and ids twice in the dataset. */
    boolean hasProblems() {
        return loaded.hasProblems() || traces.hasProblems() || !imported.idClashes().isEmpty();
    }

    /** The import's counts and the traces' statistics, as text. */
    String summary() {
        StringBuilder b = new StringBuilder();
        b.append(traces.traces().size()).append(" trace(s) for the ").append(loaded.dataset().recordCount())
                .append(" records of ").append(datasetFile.getFileName()).append(": ").append(imported.traced())
                .append(" joined, ").append(imported.untraced().size()).append(" record(s) without a trace, ")
                .append(imported.unknownIds().size()).append(" trace(s) for no record");
        if (split != null) {
            b.append(", ").append(imported.otherSplits()).append(" record(s) of other splits kept as they are");
        }
        if (hasProblems()) {
            b.append("\n\nProblems:");
            problems(b, loaded.problems(), "");
            int raw = loaded.dataset().rawLines().size();
            if (raw > 0) {
                b.append("\n  ").append(raw).append(" unparsed line(s) of ").append(datasetFile.getFileName())
                        .append(" are copied verbatim (fix them in the editor)");
            }
            problems(b, traces.problems(), "");
            problems(b, imported.idClashes(), " (a trace cannot be joined to either record)");
        }
        b.append("\n\n").append(TraceStatisticsReport.toText(TraceStatistics.of(judged, buckets),
                datasetFile.getFileName()));
        return b.toString();
    }

    private static void problems(StringBuilder b, List<ParseProblem> problems, String why) {
        problems.stream().limit(SHOWN).forEach(p -> b.append("\n  ").append(p).append(why));
        if (problems.size() > SHOWN) {
            b.append("\n  ... and ").append(problems.size() - SHOWN).append(" more");
        }
    }

    /**
     * The dataset to write: the whole import when every verdict and length is kept, else the records whose traces
     * pass ({@link TraceFilter}; records without a trace are then left out).
     */
    Dataset output(Set<Correctness> keep, Set<String> bucketNames) {
        return keepsEverything(keep, bucketNames) ? imported.dataset() : filter(keep, bucketNames).dataset();
    }

    /** Whether every verdict and every length bucket is kept: the whole import is written. */
    boolean keepsEverything(Set<Correctness> keep, Set<String> bucketNames) {
        return keep.size() == Correctness.values().length && bucketNames.size() == buckets.names().size();
    }

    TraceFilter.Result filter(Set<Correctness> keep, Set<String> bucketNames) {
        Set<String> named = bucketNames.size() == buckets.names().size() ? Set.of() : bucketNames;
        return new TraceFilter(keep, null, null, buckets, named, split).apply(imported.dataset(), judged);
    }
}
