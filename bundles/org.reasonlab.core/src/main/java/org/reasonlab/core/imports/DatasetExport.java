package org.reasonlab.core.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reasonlab.core.io.DatasetSaver;
import org.reasonlab.core.io.LabelSchemaFile;
import org.reasonlab.core.io.RealPaths;
import org.reasonlab.core.io.SplitExporter;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;

/**
 * Exports a dataset into a folder as JSONL, CSV or DFAR CSV, as one file ({@code NAME.ext}) or one
 * file per split ({@code NAME-train.ext}, ..., lines that cannot be read in {@code NAME-unparsed.txt};
 * see {@link SplitExporter}). A {@link #plan} says beforehand which files will be written, so that a
 * person can be asked before any existing one is replaced; every file is written atomically.
 *
 * @param format the format to write
 * @param perSplit one file per split
 * @param schemaSidecars also write {@code NAME.labels.json} beside each dataset file when the labels
 *        are not the default ones, so that the file is read back with them
 */
public record DatasetExport(DatasetFormat format, boolean perSplit, boolean schemaSidecars) {

    /**
     * The files one dataset's export writes.
     *
     * @param source the dataset file exported
     * @param datasets the dataset files, in the order written ({@link SplitExporter}'s order when per split)
     * @param others the other files: the unparsed lines' file and the schema sidecars
     */
    public record Plan(Path source, List<Path> datasets, List<Path> others) {
        public Plan {
            datasets = List.copyOf(datasets);
            others = List.copyOf(others);
        }

        /** Every file written. */
        public List<Path> files() {
            List<Path> all = new ArrayList<>(datasets);
            all.addAll(others);
            return all;
        }
    }

    /** The files exporting {@code dataset}, read from {@code source}, into {@code folder} writes. */
    public Plan plan(Dataset dataset, Path source, Path folder) {
        String base = DatasetImport.baseName(source.getFileName().toString());
        List<Path> datasets = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        if (!perSplit) {
            datasets.add(folder.resolve(base + "." + format.extension()));
        } else {
            Map<String, Boolean> groups = new LinkedHashMap<>();
            for (Split split : Split.values()) {
                groups.put(split.id(), false);
            }
            groups.put(SplitExporter.UNASSIGNED, false);
            boolean unparsed = false;
            for (DatasetEntry entry : dataset.entries()) {
                if (entry instanceof DatasetRecord r) {
                    groups.put(r.split() == null ? SplitExporter.UNASSIGNED : r.split().id(), true);
                } else {
                    unparsed = true;
                }
            }
            groups.forEach((group, used) -> {
                if (used) {
                    datasets.add(folder.resolve(base + "-" + group + "." + format.extension()));
                }
            });
            if (unparsed) {
                others.add(folder.resolve(base + "-" + SplitExporter.UNPARSED + ".txt"));
            }
        }
        if (schemaSidecars && DatasetImport.needsSidecar(dataset.schema())) {
            for (Path file : datasets) {
                others.add(LabelSchemaFile.sidecarFor(file));
            }
        }
        return new Plan(source, datasets, others);
    }

    /**
     * What stops the export before anything is written: a DFAR CSV export of labels of the schema without
     * an alias to write them as (DFAR writes each label as its first alias, e.g. 0 or 1). A label the schema
     * does not know is no reason: it was reported when the dataset was read and is written as it was. At
     * most {@code limit} problems, each naming the source file and line.
     */
    public List<String> problems(Dataset dataset, Path source, int limit) {
        List<String> problems = new ArrayList<>();
        if (format != DatasetFormat.DFAR_CSV) {
            return problems;
        }
        LabelSchema schema = dataset.schema();
        for (DatasetRecord r : dataset.records()) {
            if (r.label() == null) {
                continue;
            }
            var label = schema.label(r.label());
            if (label.isPresent() && label.get().aliases().isEmpty()) {
                if (problems.size() == limit) {
                    break;
                }
                problems.add(source + ":" + r.sourceLine() + ": label '" + r.label()
                        + "' has no alias; DFAR CSV writes each label as its first alias (0 or 1)");
            }
        }
        return problems;
    }

    /**
     * Where two exports would write the same file, or an export would write over a source dataset:
     * a message for a person, or empty when the plans are independent.
     */
    public static Optional<String> clash(List<Plan> plans) {
        Map<Path, Path> writers = new HashMap<>();
        for (Plan plan : plans) {
            for (Path file : plan.files()) {
                Path key = RealPaths.of(file);
                Path other = writers.putIfAbsent(key, plan.source());
                if (other != null) {
                    return Optional.of("both " + other + " and " + plan.source() + " would be written to " + file
                            + "; export them one at a time or into different folders");
                }
            }
        }
        for (Plan plan : plans) {
            Path source = RealPaths.of(plan.source());
            Path writer = writers.get(source);
            if (writer != null) {
                return Optional.of("exporting " + writer + " would replace the dataset " + plan.source()
                        + " itself; choose another folder");
            }
        }
        return Optional.empty();
    }

    /** The planned files that exist already. */
    public static List<Path> existing(List<Plan> plans) {
        List<Path> existing = new ArrayList<>();
        for (Plan plan : plans) {
            for (Path file : plan.files()) {
                if (Files.exists(file)) {
                    existing.add(file);
                }
            }
        }
        return existing;
    }

    /**
     * Writes the export that {@link #plan} planned, creating the folder if needed.
     *
     * @return the files written
     */
    public List<Path> write(Dataset dataset, Path source, Path folder) throws IOException {
        Plan plan = plan(dataset, source, folder);
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        if (perSplit) {
            String base = DatasetImport.baseName(source.getFileName().toString());
            written.addAll(SplitExporter.exportPerSplit(dataset, folder.resolve(base), format).values());
        } else {
            Path target = plan.datasets().get(0);
            DatasetSaver.saveAs(dataset, target, format);
            written.add(target);
        }
        if (schemaSidecars && DatasetImport.needsSidecar(dataset.schema())) {
            for (Path file : plan.datasets()) {
                Path sidecar = LabelSchemaFile.sidecarFor(file);
                LabelSchemaFile.write(dataset.schema(), sidecar);
                written.add(sidecar);
            }
        }
        return written;
    }
}
