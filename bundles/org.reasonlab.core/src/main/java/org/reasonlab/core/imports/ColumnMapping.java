package org.reasonlab.core.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which record field each column of a CSV file fills: the header's columns in file order, each with
 * a {@link ColumnRole}. Immutable; {@link #with} gives a changed copy.
 * <p>
 * A valid mapping has exactly one {@link ColumnRole#STATEMENT} column and at most one column for
 * each other field. Columns kept as extra fields are named after their header, renamed where that
 * name would be read back as a record field (see {@link #keptNames()}).
 */
public final class ColumnMapping {
    /** Names ReasonLab reads as record fields in JSONL or CSV; a kept column must not be called so. */
    private static final Set<String> RESERVED = Set.of("id", "statement", "text", "sentence", "label", "reason",
            "explanation", "rationale", "split", "annotations", "metadata");

    private final List<String> columns;
    private final List<ColumnRole> roles;

    private ColumnMapping(List<String> columns, List<ColumnRole> roles) {
        if (columns.size() != roles.size()) {
            throw new IllegalArgumentException(columns.size() + " columns but " + roles.size() + " roles");
        }
        this.columns = List.copyOf(columns);
        this.roles = List.copyOf(roles);
    }

    /** A mapping with the given role for each column. */
    public static ColumnMapping of(List<String> columns, List<ColumnRole> roles) {
        return new ColumnMapping(columns, roles);
    }

    /**
     * The mapping the header suggests: columns named like a record field ({@code text} or
     * {@code sentence} for the statement, {@code explanation} or {@code rationale} for the reason,
     * {@code class} for the label, ...; letter case and surrounding spaces do not matter) fill it,
     * the first one winning; all other columns are kept as extra fields.
     */
    public static ColumnMapping guess(List<String> columns) {
        List<ColumnRole> roles = new ArrayList<>(columns.size());
        Set<ColumnRole> taken = new HashSet<>();
        for (String column : columns) {
            ColumnRole role = roleNamed(column);
            if (role.isField() && !taken.add(role)) {
                role = ColumnRole.KEEP;
            }
            roles.add(role);
        }
        return new ColumnMapping(columns, roles);
    }

    /** The role a column's name suggests; KEEP when it names no record field. */
    public static ColumnRole roleNamed(String column) {
        return switch (column.trim().toLowerCase(Locale.ROOT)) {
            case "id", "identifier", "uid", "record_id" -> ColumnRole.ID;
            case "statement", "text", "sentence", "scenario" -> ColumnRole.STATEMENT;
            case "label", "class", "verdict" -> ColumnRole.LABEL;
            case "reason", "explanation", "rationale", "justification" -> ColumnRole.REASON;
            case "split", "subset", "partition" -> ColumnRole.SPLIT;
            default -> ColumnRole.KEEP;
        };
    }

    /** The header's columns, in file order. */
    public List<String> columns() {
        return columns;
    }

    public List<ColumnRole> roles() {
        return roles;
    }

    public int size() {
        return columns.size();
    }

    public ColumnRole role(int column) {
        return roles.get(column);
    }

    /** A copy in which the column has the role; other columns keep theirs. */
    public ColumnMapping with(int column, ColumnRole role) {
        List<ColumnRole> changed = new ArrayList<>(roles);
        changed.set(column, Objects.requireNonNull(role, "role"));
        return new ColumnMapping(columns, changed);
    }

    /** The 0-based index of the first column with the role, or -1. */
    public int columnOf(ColumnRole role) {
        return roles.indexOf(role);
    }

    /** What is wrong with the mapping, for a person; empty when it can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (columns.isEmpty()) {
            problems.add("the header row has no columns");
            return problems;
        }
        if (columnOf(ColumnRole.STATEMENT) < 0) {
            problems.add("no column is mapped to statement; every record needs one");
        }
        for (ColumnRole role : ColumnRole.values()) {
            if (!role.isField()) {
                continue;
            }
            List<String> with = new ArrayList<>();
            for (int i = 0; i < roles.size(); i++) {
                if (roles.get(i) == role) {
                    with.add(describe(i));
                }
            }
            if (with.size() > 1) {
                problems.add(String.join(" and ", with) + " are all mapped to " + role.field()
                        + "; map only one of them");
            }
        }
        return problems;
    }

    public boolean isValid() {
        return problems().isEmpty();
    }

    /** A column for messages: {@code 'Text' (column 2)}. */
    public String describe(int column) {
        return "'" + columns.get(column) + "' (column " + (column + 1) + ")";
    }

    /**
     * The field name each column kept as an extra field gets, by column (null for the others): the
     * header text, trimmed; {@code column<N>} when it is empty; prefixed with {@code source_} when it
     * is a name ReasonLab reads as a record field (so that {@code text}, kept, is not read back as the
     * statement); numbered when two kept columns would otherwise have the same name.
     */
    public List<String> keptNames() {
        List<String> names = new ArrayList<>(Collections.nCopies(columns.size(), (String) null));
        Set<String> used = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            if (roles.get(i) != ColumnRole.KEEP) {
                continue;
            }
            String name = columns.get(i).trim();
            if (name.isEmpty()) {
                name = "column" + (i + 1);
            } else if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                name = "source_" + name;
            }
            String unique = name;
            for (int n = 2; !used.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = name + "_" + n;
            }
            names.set(i, unique);
        }
        return names;
    }

    /**
     * The CSV header an imported file gets when it stays CSV: the fields' canonical names and the
     * kept columns' names, in the source's order, with {@code id} first when no column holds it (the
     * records are then numbered).
     */
    public List<String> outputColumns() {
        List<String> result = new ArrayList<>();
        if (columnOf(ColumnRole.ID) < 0) {
            result.add(ColumnRole.ID.field());
        }
        List<String> kept = keptNames();
        for (int i = 0; i < columns.size(); i++) {
            ColumnRole role = roles.get(i);
            if (role.isField()) {
                result.add(role.field());
            } else if (role == ColumnRole.KEEP) {
                result.add(kept.get(i));
            }
        }
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMapping m && columns.equals(m.columns) && roles.equals(m.roles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, roles);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ColumnMapping[");
        for (int i = 0; i < columns.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(columns.get(i)).append("->").append(roles.get(i));
        }
        return text.append(']').toString();
    }
}
