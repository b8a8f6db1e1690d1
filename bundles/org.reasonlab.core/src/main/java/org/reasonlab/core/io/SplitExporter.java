package org.reasonlab.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.model.Split;

/** Writes one file per split, so that training tools can take them as they are. */
public final class SplitExporter {
    /** The map key for records without a split. */
    public static final String UNASSIGNED = "unassigned";
    /** The map key for the file of lines that could not be parsed. */
    public static final String UNPARSED = "unparsed";

    private SplitExporter() {
    }

    /**
     * Writes {@code <base>-train.<ext>}, {@code -validation}, {@code -test} and {@code -unassigned}
     * (only those with records), each atomically; raw lines go verbatim to {@code <base>-unparsed.txt}
     * so that nothing is lost.
     *
     * @param outputBase the path of the files without the suffix, e.g. {@code out/ethics}
     * @return the written files by split id, {@value #UNASSIGNED} and {@value #UNPARSED}, in that order
     */
    public static Map<String, Path> exportPerSplit(Dataset dataset, Path outputBase, DatasetFormat format)
            throws IOException {
        Map<String, List<DatasetEntry>> groups = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            groups.put(split.id(), new ArrayList<>());
        }
        groups.put(UNASSIGNED, new ArrayList<>());
        List<RawLine> rawLines = new ArrayList<>();
        for (DatasetEntry entry : dataset.entries()) {
            if (entry instanceof DatasetRecord r) {
                groups.get(r.split() == null ? UNASSIGNED : r.split().id()).add(r);
            } else {
                rawLines.add((RawLine) entry);
            }
        }
        FileLayout layout = exportLayout(dataset, format);
        Map<String, Path> written = new LinkedHashMap<>();
        for (Map.Entry<String, List<DatasetEntry>> group : groups.entrySet()) {
            if (group.getValue().isEmpty()) {
                continue;
            }
            Path file = output(outputBase, group.getKey(), format);
            // the source's layout: in its own format, the entries keep their line breaks (see DatasetWriter)
            Dataset part = new Dataset(dataset.schema(), dataset.layout(), group.getValue());
            AtomicFiles.write(file, out -> DatasetWriter.write(part, layout, out));
            written.put(group.getKey(), file);
        }
        if (!rawLines.isEmpty()) {
            Path file = output(outputBase, UNPARSED, format);
            boolean ownLineEnds = layout.format() == dataset.layout().format();
            AtomicFiles.write(file, out -> {
                for (RawLine raw : rawLines) {
                    out.write(raw.bytes());
                    out.write(DatasetWriter.lineEnd(raw, layout, ownLineEnds).getBytes(StandardCharsets.US_ASCII));
                }
            });
            written.put(UNPARSED, file);
        }
        return written;
    }

    /** The same columns in every part, so the parts can be concatenated again. */
    private static FileLayout exportLayout(Dataset dataset, DatasetFormat format) {
        FileLayout layout = DatasetSaver.convertedLayout(dataset, format);
        return new FileLayout(layout.format(), layout.byteOrderMark(), layout.lineSeparator(),
                format == DatasetFormat.CSV ? CsvWriter.columnsFor(dataset, layout) : layout.columns(), true);
    }

    /** Every file {@link #exportPerSplit} may write, e.g. to check that none of them is its input. */
    public static List<Path> outputs(Path outputBase, DatasetFormat format) {
        List<Path> files = new ArrayList<>();
        for (Split split : Split.values()) {
            files.add(output(outputBase, split.id(), format));
        }
        files.add(output(outputBase, UNASSIGNED, format));
        files.add(output(outputBase, UNPARSED, format));
        return files;
    }

    private static Path output(Path base, String part, DatasetFormat format) {
        String extension = part.equals(UNPARSED) ? "txt" : format.extension();
        return base.resolveSibling(base.getFileName() + "-" + part + "." + extension);
    }
}
