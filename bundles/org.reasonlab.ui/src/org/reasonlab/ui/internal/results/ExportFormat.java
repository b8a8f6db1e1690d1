package org.reasonlab.ui.internal.results;

import org.reasonlab.core.compare.TextTable;

/** The formats a comparison exports to ({@link TextTable}'s exports). */
public enum ExportFormat {
    CSV("CSV", "csv"),
    MARKDOWN("Markdown", "md"),
    LATEX("LaTeX", "tex");

    private final String label;
    private final String extension;

    ExportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    public String text(TextTable table) {
        return switch (this) {
            case CSV -> table.toCsv();
            case MARKDOWN -> table.toMarkdown();
            case LATEX -> table.toLatex();
        };
    }
}
