package org.reasonlab.core.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.reasonlab.core.io.DatasetFormatException;
import org.reasonlab.core.io.DatasetReader;

/**
 * The header and the first rows of a CSV file, cell by cell, for a person to choose a
 * {@link ColumnMapping}: read without any mapping, so every row shows as it is in the file, with the
 * problem of each row that cannot be read (and its line).
 */
public final class CsvPreview {

    /**
     * One data row.
     *
     * @param line the 1-based line where the row starts
     * @param cells the row's cells (invalid UTF-8 shown as replacement characters); those before the
     *        problem when the row cannot be split into cells
     * @param problem why the row cannot be imported as it is, or null
     */
    public record Row(int line, List<String> cells, String problem) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    private final Path file;
    private final int headerLine;
    private final List<String> header;
    private final List<Row> rows;
    private final boolean more;

    private CsvPreview(Path file, int headerLine, List<String> header, List<Row> rows, boolean more) {
        this.file = file;
        this.headerLine = headerLine;
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
        this.more = more;
    }

    /**
     * Reads the header and up to {@code maxRows} data rows (blank rows are skipped, as on import).
     *
     * @throws DatasetFormatException naming the file and line when there is no header row or it cannot be read
     */
    public static CsvPreview read(Path file, int maxRows) throws IOException {
        DatasetReader.checkReadable(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CsvScanner scanner = new CsvScanner(in);
            Header header = readHeader(scanner, file);
            List<Row> rows = new ArrayList<>();
            CsvScanner.Row row;
            boolean more = false;
            while ((row = scanner.next()) != null) {
                if (row.isBlank()) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    more = true;
                    break;
                }
                rows.add(toRow(row, header.columns().size()));
            }
            return new CsvPreview(file, header.row().firstLine(), header.columns(), rows, more);
        }
    }

    private static Row toRow(CsvScanner.Row row, int columns) {
        CsvScanner.Cells cells = CsvScanner.cells(row, false);
        String problem = cells.problem();
        if (problem == null && !cells.validUtf8()) {
            problem = "not valid UTF-8";
        }
        if (problem == null && cells.cells().size() != columns) {
            problem = "expected " + columns + " columns, found " + cells.cells().size();
        }
        return new Row(row.firstLine(), cells.cells(), problem);
    }

    /** The header row, found where the core's reader finds it: the first row that is not blank. */
    record Header(CsvScanner.Row row, List<String> columns) {
    }

    static Header readHeader(CsvScanner scanner, Path file) throws IOException {
        CsvScanner.Row row = scanner.next();
        while (row != null && row.isBlank()) {
            row = scanner.next();
        }
        if (row == null) {
            throw new DatasetFormatException(file, 1, 1, "empty file; a CSV dataset needs a header row");
        }
        CsvScanner.Cells cells = CsvScanner.cells(row, true);
        if (cells.problem() != null) {
            throw new DatasetFormatException(file, row.firstLine() + cells.problemLineOffset(),
                    cells.problemColumn(), "the header row cannot be read: " + cells.problem());
        }
        return new Header(row, cells.cells());
    }

    public Path file() {
        return file;
    }

    /** The 1-based line of the header row. */
    public int headerLine() {
        return headerLine;
    }

    /** The header's cells: the column names. */
    public List<String> header() {
        return header;
    }

    /** The first data rows, in file order. */
    public List<Row> rows() {
        return rows;
    }

    /** Whether the file has more rows than were read. */
    public boolean hasMoreRows() {
        return more;
    }
}
