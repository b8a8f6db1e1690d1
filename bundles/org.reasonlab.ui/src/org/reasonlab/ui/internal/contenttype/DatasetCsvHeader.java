package org.reasonlab.ui.internal.contenttype;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides from a CSV file's header row whether the file is a ReasonLab dataset: it is when one of
 * the columns is named {@code statement}, {@code text} or {@code sentence} (case-insensitive,
 * quotes and surrounding blanks ignored). DFAR's {@code Statement,Label,Reason} qualifies;
 * {@code a,b,c} does not.
 */
public final class DatasetCsvHeader {

    /** Column names that hold the statement being judged. */
    public static final Set<String> STATEMENT_COLUMNS = Set.of("statement", "text", "sentence");

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private DatasetCsvHeader() {
    }

    /** Whether the given first line of a CSV file names a statement column. */
    public static boolean isDatasetHeader(String firstLine) {
        if (firstLine == null) {
            return false;
        }
        String line = firstLine;
        if (!line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
            line = line.substring(1);
        }
        for (String column : columns(line)) {
            if (STATEMENT_COLUMNS.contains(column.trim().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Splits one CSV line into its fields, honouring double quotes and doubled quotes inside them. */
    static List<String> columns(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c != '\r' && c != '\n') {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
