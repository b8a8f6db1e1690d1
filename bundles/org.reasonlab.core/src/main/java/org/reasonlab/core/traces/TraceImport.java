package org.reasonlab.core.traces;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;

/**
 * A dataset joined with a traces file by record id: a copy of the dataset, entries in the same order (unparsed lines
 * kept as they are), in which every record with a trace has the trace as its reason and every other record has no
 * reason ({@link TraceMetadata}); statement, label, split, annotations, other metadata and fields are unchanged.
 * When the import is limited to one split, the records of the other splits are left exactly as they are.
 *
 * @param dataset the copy; the input dataset is not changed
 * @param counts how many traced records are correct, incorrect and unclear
 * @param untraced the records of the imported split(s) no trace names (as in the input), in file order
 * @param otherSplits how many records were left as they are because they are in another split
 * @param unknownIds the traces whose id is no record's, in file order
 * @param unusedIds the traces of records in another split, which were not used, in file order
 * @param idClashes records whose id an earlier record already has: a trace cannot be joined to either; when there
 *        are any, the copy must not be used
 */
public record TraceImport(Dataset dataset, Map<Correctness, Integer> counts, List<DatasetRecord> untraced,
        int otherSplits, List<Trace> unknownIds, List<Trace> unusedIds, List<ParseProblem> idClashes) {

    public TraceImport {
        counts = Map.copyOf(counts);
        untraced = List.copyOf(untraced);
        unknownIds = List.copyOf(unknownIds);
        unusedIds = List.copyOf(unusedIds);
        idClashes = List.copyOf(idClashes);
    }

    /** Joins the traces to every record. */
    public static TraceImport join(Dataset dataset, Path datasetFile, List<Trace> traces) {
        return join(dataset, datasetFile, traces, null);
    }

    /**
     * @param datasetFile the dataset's file, for the messages of id clashes
     * @param traces traces with distinct ids ({@link TraceFileReader} reports the others)
     * @param split the only split whose records take traces, or null for all records
     */
    public static TraceImport join(Dataset dataset, Path datasetFile, List<Trace> traces, Split split) {
        Map<String, Trace> byId = new HashMap<>();
        traces.forEach(t -> byId.putIfAbsent(t.id(), t));
        TraceJudge judge = new TraceJudge(dataset.schema());
        Map<String, DatasetRecord> seen = new HashMap<>();
        List<ParseProblem> clashes = new ArrayList<>();
        Map<Correctness, Integer> counts = new EnumMap<>(Correctness.class);
        for (Correctness c : Correctness.values()) {
            counts.put(c, 0);
        }
        List<DatasetRecord> untraced = new ArrayList<>();
        int otherSplits = 0;
        List<DatasetEntry> entries = new ArrayList<>(dataset.entries().size());
        for (DatasetEntry entry : dataset.entries()) {
            if (!(entry instanceof DatasetRecord record)) {
                entries.add(entry);
                continue;
            }
            if (record.id() != null) {
                DatasetRecord earlier = seen.putIfAbsent(record.id(), record);
                if (earlier != null) {
                    clashes.add(new ParseProblem(datasetFile, record.sourceLine(), 1, "id '" + record.id()
                            + "' is also the id of the record on line " + earlier.sourceLine()
                            + "; traces are joined by id, so ids must be unique"));
                }
            }
            if (split != null && record.split() != split) {
                otherSplits++;
                entries.add(record);
                continue;
            }
            Trace trace = record.id() == null ? null : byId.get(record.id());
            if (trace == null) {
                untraced.add(record);
                entries.add(TraceMetadata.withoutTrace(record));
            } else {
                TraceJudgement judgement = judge.judge(record.label(), trace.text());
                counts.merge(judgement.correctness(), 1, Integer::sum);
                entries.add(TraceMetadata.withTrace(record, trace.text(), judgement));
            }
        }
        List<Trace> unknown = traces.stream().filter(t -> !seen.containsKey(t.id())).toList();
        List<Trace> unused = split == null ? List.of()
                : traces.stream().filter(t -> seen.containsKey(t.id()) && seen.get(t.id()).split() != split).toList();
        return new TraceImport(new Dataset(dataset.schema(), dataset.layout(), entries), counts, untraced, otherSplits,
                unknown, unused, clashes);
    }

    /** How many records got a trace. */
    public int traced() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(Correctness correctness) {
        return counts.getOrDefault(correctness, 0);
    }

    /**
     * Why this import must not be written, or null: the traces file has a line that gives no trace, the dataset has
     * an id twice, or no trace names a record (of the split).
     *
     * @param traces the file the traces came from
     * @param datasetFile the dataset's file, for the message
     */
    public String refusal(TraceFile traces, Path datasetFile) {
        if (traces.hasProblems()) {
            return traces.problems().size() + " line(s) of " + traces.file() + " give no trace";
        }
        if (!idClashes.isEmpty()) {
            return datasetFile + " has " + idClashes.size() + " record(s) whose id an earlier record has";
        }
        if (traced() == 0) {
            if (traces.traces().isEmpty()) {
                return traces.file() + " holds no traces";
            }
            return unusedIds.isEmpty() ? "no trace names a record of " + datasetFile
                    + " (the traces' ids are such as '" + traces.traces().get(0).id() + "')"
                    : "no trace names a record of the split to import";
        }
        return null;
    }
}
