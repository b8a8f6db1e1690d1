package org.reasonlab.core.edit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.RawLine;

/**
 * Datasets one after the other in one dataset, as {@code reasonlab merge} writes them: every
 * record with its split, every unparseable line kept in its place. The result has the first
 * dataset's label schema and layout; entries of a dataset in another format lose their own line
 * breaks (a CSV's lone carriage return would end no JSON Lines line) and take the layout's.
 */
public final class DatasetMerge {

    /** A dataset and the file it came from, for messages. */
    public record Source(Path file, Dataset dataset) {
    }

    /** The same id in two files: where it is first, and where again. */
    public record IdClash(String id, Path firstFile, int firstLine, Path secondFile, int secondLine) {

        /** "id '1' is in a.jsonl (line 2) and in b.csv (line 2)". */
        public String describe() {
            return "id '" + id + "' is in " + firstFile + " (line " + firstLine + ") and in " + secondFile + " (line "
                    + secondLine + ")";
        }
    }

    private DatasetMerge() {
    }

    /** The first record id that is in two of the sources (ids repeated within one source are the validator's business). */
    public static Optional<IdClash> firstIdClash(List<Source> sources) {
        Map<String, DatasetRecord> seen = new HashMap<>();
        Map<String, Path> seenIn = new HashMap<>();
        for (Source source : sources) {
            Map<String, DatasetRecord> own = new HashMap<>();
            for (DatasetRecord record : (Iterable<DatasetRecord>) source.dataset().recordStream()::iterator) {
                if (record.id() == null) {
                    continue;
                }
                DatasetRecord earlier = seen.get(record.id());
                if (earlier != null) {
                    return Optional.of(new IdClash(record.id(), seenIn.get(record.id()), earlier.sourceLine(),
                            source.file(), record.sourceLine()));
                }
                own.putIfAbsent(record.id(), record);
            }
            own.forEach((id, record) -> {
                seen.put(id, record);
                seenIn.put(id, source.file());
            });
        }
        return Optional.empty();
    }

    /** The sources' entries in order; the sources are not changed. */
    public static Dataset merge(List<Source> sources) {
        Dataset first = sources.get(0).dataset();
        List<DatasetEntry> entries = new ArrayList<>();
        for (Source source : sources) {
            boolean ownLineBreaks = source.dataset().layout().format() == first.layout().format();
            for (DatasetEntry entry : source.dataset().entries()) {
                entries.add(ownLineBreaks ? entry : withoutLineBreak(entry));
            }
        }
        return new Dataset(first.schema(), first.layout(), entries);
    }

    private static DatasetEntry withoutLineBreak(DatasetEntry entry) {
        if (entry instanceof RawLine raw) {
            return new RawLine(raw.bytes(), raw.sourceLine(), raw.problem());
        }
        DatasetRecord copy = ((DatasetRecord) entry).copy();
        copy.setLineEnd(null);
        return copy;
    }
}
