package org.reasonlab.core.model;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats ReasonLab reads and writes. */
public enum DatasetFormat {
    /** JSON Lines, one record object per line: the canonical format. */
    JSONL("jsonl"),
    /** CSV per RFC 4180 with a header row naming the columns. */
    CSV("csv"),
    /** DFAR's CSV layout: {@code Statement,Label,Reason} with label 0 = ethical, 1 = unethical. */
    DFAR_CSV("csv");

    private final String extension;

    DatasetFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format a file name suggests ({@code .jsonl}, {@code .json}, {@code .ndjson}, {@code .csv}); DFAR is told apart by its header. */
    public static Optional<DatasetFormat> fromFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Optional.of(JSONL);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }

    /** Parses a user's format name: {@code jsonl}, {@code csv} or {@code dfar}. */
    public static Optional<DatasetFormat> parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "jsonl", "json", "ndjson" -> Optional.of(JSONL);
            case "csv" -> Optional.of(CSV);
            case "dfar", "dfar-csv", "dfar_csv" -> Optional.of(DFAR_CSV);
            default -> Optional.empty();
        };
    }
}
