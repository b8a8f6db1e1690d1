package org.reasonlab.core.compare;

import java.util.List;

/**
 * A table of text cells with its exports: CSV (RFC 4180: CRLF line ends, fields with a comma, quote, CR or LF
 * quoted, quotes doubled), Markdown (pipe table, {@code |} escaped) and LaTeX ({@code tabular} with booktabs
 * rules, LaTeX's special characters escaped).
 *
 * @param header the column titles
 * @param rows the cells, each row as long as the header
 * @param rightAligned per column, whether it is right-aligned (numbers)
 */
public record TextTable(List<String> header, List<List<String>> rows, List<Boolean> rightAligned) {
    public TextTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        rightAligned = List.copyOf(rightAligned);
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, not " + header.size());
            }
        }
        if (rightAligned.size() != header.size()) {
            throw new IllegalArgumentException("one alignment per column");
        }
    }

    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        csvLine(sb, header);
        rows.forEach(r -> csvLine(sb, r));
        return sb.toString();
    }

    private static void csvLine(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\r") || c.contains("\n")) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append("\r\n");
    }

    /** Plain text for a terminal: columns padded to their widest cell, two spaces apart, a rule under the header. */
    public String toText() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        textLine(sb, header, widths);
        for (int i = 0; i < widths.length; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        sb.append('\n');
        rows.forEach(r -> textLine(sb, r, widths));
        return sb.toString();
    }

    private void textLine(StringBuilder sb, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i).replace('\r', ' ').replace('\n', ' ');
            String pad = " ".repeat(widths[i] - c.length());
            line.append(i == 0 ? "" : "  ").append(rightAligned.get(i) ? pad + c : c + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        markdownLine(sb, header);
        sb.append('|');
        for (boolean right : rightAligned) {
            sb.append(right ? "---:|" : "---|");
        }
        sb.append('\n');
        rows.forEach(r -> markdownLine(sb, r));
        return sb.toString();
    }

    private static void markdownLine(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " "))
                    .append(" |");
        }
        sb.append('\n');
    }

    /** A {@code tabular} with {@code \toprule}, {@code \midrule}, {@code \bottomrule} (needs {@code booktabs}). */
    public String toLatex() {
        StringBuilder sb = new StringBuilder("\\begin{tabular}{");
        for (boolean right : rightAligned) {
            sb.append(right ? 'r' : 'l');
        }
        sb.append("}\n\\toprule\n");
        latexLine(sb, header);
        sb.append("\\midrule\n");
        rows.forEach(r -> latexLine(sb, r));
        sb.append("\\bottomrule\n\\end{tabular}\n");
        return sb.toString();
    }

    private static void latexLine(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(" & ");
            }
            sb.append(escapeLatex(cells.get(i)));
        }
        sb.append(" \\\\\n");
    }

    /** Escapes text for LaTeX's text mode. */
    public static String escapeLatex(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(c);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                case '<' -> sb.append("\\textless{}");
                case '>' -> sb.append("\\textgreater{}");
                case '\u0394' -> sb.append("$\\Delta$");
                case '\u00b1' -> sb.append("$\\pm$");
                case '\r', '\n' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
