package org.reasonlab.core.io;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Maps CSV header cells to record fields, case-insensitively and with common synonyms. When two
 * columns name the same field, the first one wins and the other is kept as an extra column.
 */
final class CsvColumnMapping {

    enum Field { ID, STATEMENT, LABEL, REASON, SPLIT, ANNOTATIONS, METADATA, EXTRA }

    private final List<String> columns;
    private final Field[] fields;

    private CsvColumnMapping(List<String> columns) {
        this.columns = List.copyOf(columns);
        this.fields = new Field[columns.size()];
        for (int i = 0; i < fields.length; i++) {
            Field field = fieldNamed(columns.get(i));
            fields[i] = field != Field.EXTRA && Arrays.asList(fields).subList(0, i).contains(field) ? Field.EXTRA : field;
        }
    }

    static CsvColumnMapping of(List<String> columns) {
        return new CsvColumnMapping(columns);
    }

    static Field fieldNamed(String column) {
        return switch (column.trim().toLowerCase(Locale.ROOT)) {
            case "id" -> Field.ID;
            case "statement", "text", "sentence" -> Field.STATEMENT;
            case "label" -> Field.LABEL;
            case "reason", "explanation", "rationale" -> Field.REASON;
            case "split" -> Field.SPLIT;
            case "annotations" -> Field.ANNOTATIONS;
            case "metadata" -> Field.METADATA;
            default -> Field.EXTRA;
        };
    }

    /** DFAR's header: exactly Statement, Label, Reason, in any letter case. */
    static boolean isDfarHeader(List<String> columns) {
        return columns.size() == 3 && columns.get(0).equalsIgnoreCase("statement")
                && columns.get(1).equalsIgnoreCase("label") && columns.get(2).equalsIgnoreCase("reason");
    }

    int size() {
        return fields.length;
    }

    Field field(int column) {
        return fields[column];
    }

    String name(int column) {
        return columns.get(column);
    }

    List<String> columns() {
        return columns;
    }

    boolean has(Field field) {
        return Arrays.asList(fields).contains(field);
    }
}
