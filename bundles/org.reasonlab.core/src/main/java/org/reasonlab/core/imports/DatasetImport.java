package org.reasonlab.core.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.reasonlab.core.io.CollectingSink;
import org.reasonlab.core.io.DatasetFormatException;
import org.reasonlab.core.io.DatasetReader;
import org.reasonlab.core.io.DatasetSaver;
import org.reasonlab.core.io.LabelSchemaFile;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;

/**
 * Imports a dataset file in one of the {@link ImportFormat}s: reads it (lines that cannot be read
 * are kept verbatim and reported with their line) and writes it as JSONL or in the source's format,
 * atomically, with its label schema sidecar when the labels are not the default ones.
 */
public final class DatasetImport {
    private DatasetImport() {
    }

    /**
     * The format a file most likely has: JSONL for {@code .jsonl}, {@code .ndjson} and {@code .json}
     * names or content starting with <code>{</code>; otherwise CSV, DFAR CSV when its header is
     * exactly {@code Statement,Label,Reason}.
     */
    public static ImportFormat detect(Path file) throws IOException {
        DatasetReader.checkReadable(file);
        if (DatasetFormat.fromFileName(file).orElse(null) == DatasetFormat.JSONL) {
            return ImportFormat.JSONL;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(4096);
            int b;
            int n = 0;
            while ((b = in.read()) >= 0 && n++ < 4096) {
                if (b == '{') {
                    return ImportFormat.JSONL;
                }
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0xEF && b != 0xBB && b != 0xBF) {
                    break;
                }
            }
            in.reset();
            List<String> header = CsvPreview.readHeader(new CsvScanner(in), file).columns();
            return isDfarHeader(header) ? ImportFormat.DFAR_CSV : ImportFormat.CSV;
        } catch (DatasetFormatException unreadableHeader) {
            return ImportFormat.CSV;
        }
    }

    /** DFAR's header as the core recognises it: exactly Statement, Label, Reason in any letter case. */
    public static boolean isDfarHeader(List<String> columns) {
        return columns.size() == 3 && columns.get(0).equalsIgnoreCase("statement")
                && columns.get(1).equalsIgnoreCase("label") && columns.get(2).equalsIgnoreCase("reason");
    }

    /**
     * Reads the source.
     *
     * @param mapping the column mapping, for {@link ImportFormat#CSV} only (ignored otherwise)
     * @throws DatasetFormatException naming the file and line when the file as a whole cannot be read
     *         in that format, e.g. a DFAR CSV whose header is not {@code Statement,Label,Reason}
     */
    public static LoadResult load(Path source, ImportFormat format, ColumnMapping mapping, LabelSchema schema)
            throws IOException {
        Objects.requireNonNull(format, "format");
        DatasetReader.checkReadable(source);
        return switch (format) {
            case CSV -> MappedCsvReader.load(source, Objects.requireNonNull(mapping, "mapping"), schema);
            case JSONL -> read(source, DatasetFormat.JSONL, schema);
            case DFAR_CSV -> {
                LoadResult result = read(source, DatasetFormat.DFAR_CSV, schema);
                if (result.dataset().layout().format() != DatasetFormat.DFAR_CSV) {
                    int line = headerLine(source);
                    throw new DatasetFormatException(source, line, 1, "the header is "
                            + String.join(",", result.dataset().layout().columns())
                            + ", not Statement,Label,Reason as in DFAR CSV; import it as CSV with column mapping");
                }
                yield result;
            }
        };
    }

    private static int headerLine(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return CsvPreview.readHeader(new CsvScanner(in), file).row().firstLine();
        }
    }

    /** Reads in the given format whatever the file's name says. */
    private static LoadResult read(Path file, DatasetFormat format, LabelSchema schema) throws IOException {
        CollectingSink sink = new CollectingSink();
        FileLayout layout;
        try (InputStream in = Files.newInputStream(file)) {
            layout = DatasetReader.read(in, file, format, schema, sink);
        }
        return new LoadResult(new Dataset(schema, layout, sink.entries()), sink.problems());
    }

    /** The format an import writes: JSONL, or the source's own. */
    public static DatasetFormat outputFormat(ImportFormat source, boolean keepSourceFormat) {
        return keepSourceFormat ? source.datasetFormat() : DatasetFormat.JSONL;
    }

    /** {@code data.csv} imported as JSONL is {@code data.jsonl}. */
    public static String targetName(Path source, DatasetFormat format) {
        return baseName(source.getFileName().toString()) + "." + format.extension();
    }

    /** A file name without its extension. */
    public static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The dataset format a file name asks for: {@code .jsonl}/{@code .ndjson}/{@code .json} or {@code .csv}; null for others. */
    public static DatasetFormat formatOfName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return DatasetFormat.JSONL;
        }
        return name.endsWith(".csv") ? DatasetFormat.CSV : null;
    }

    /**
     * The files {@link #write} writes for a target: the dataset and, when the schema is not the
     * default, its sidecar. For asking before replacing any that exist.
     */
    public static List<Path> outputs(Path target, LabelSchema schema, boolean sidecarExists) {
        List<Path> files = new ArrayList<>(List.of(target));
        if (needsSidecar(schema) || sidecarExists) {
            files.add(LabelSchemaFile.sidecarFor(target));
        }
        return files;
    }

    /** Whether a dataset with this schema needs a sidecar to be read back with it. */
    public static boolean needsSidecar(LabelSchema schema) {
        return !schema.equals(LabelSchema.defaultSchema());
    }

    /**
     * Writes the dataset atomically in the format (the dataset's own layout when it is its format),
     * then its label schema sidecar when the schema is not the default or a sidecar is already there
     * (which would otherwise give the new file the wrong labels).
     */
    public static void write(Dataset dataset, Path target, DatasetFormat format) throws IOException {
        Path sidecar = LabelSchemaFile.sidecarFor(target);
        if (needsSidecar(dataset.schema()) || Files.exists(sidecar)) {
            LabelSchemaFile.write(dataset.schema(), sidecar);
        }
        DatasetSaver.saveAs(dataset, target, format);
    }
}
