package org.reasonlab.core.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.text.StatementKey;
import org.reasonlab.core.text.TextHygiene;
import org.reasonlab.core.text.WordCounter;

/**
 * Checks a dataset for the problems in {@link ProblemKind}, in one pass over its entries.
 * <ul>
 * <li>Unparsed lines are {@link ProblemKind#PARSE_ERROR}s.</li>
 * <li>A record without an id is a {@link ProblemKind#MISSING_ID} only when some other record has
 * one (files without ids, such as DFAR's CSV, get no such warnings); a repeated id is a
 * {@link ProblemKind#DUPLICATE_ID} on every record after the first.</li>
 * <li>Statements are compared by {@link StatementKey}. A statement seen before in another split
 * (train, validation, test) is {@link ProblemKind#SPLIT_LEAKAGE}; one seen before in the same split,
 * or where either record has no split, is a {@link ProblemKind#DUPLICATE_STATEMENT}. Both are
 * reported on the later record and name the earlier one.</li>
 * <li>Reasons are checked for emptiness, length (in words, see {@link WordCounter}) and, for
 * records with a known label, against the label with a {@link VerdictDetector}.</li>
 * <li>Statements and reasons are checked for mojibake, non-breaking spaces and untrimmed
 * whitespace.</li>
 * </ul>
 * Problems come in entry order, and for one record in the order of the checks above.
 */
public final class Validator {
    private static final String UNASSIGNED = "unassigned";
    private static final int SLOTS = Split.values().length + 1;

    private final ValidationOptions options;

    public Validator() {
        this(new ValidationOptions());
    }

    public Validator(ValidationOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public ValidationOptions options() {
        return options;
    }

    /** All problems of the dataset, in entry order. */
    public List<ValidationProblem> validate(Dataset dataset) {
        LabelSchema schema = dataset.schema();
        VerdictDetector detector = options.checkContradictions() ? new VerdictDetector(schema) : null;
        List<DatasetEntry> entries = dataset.entries();
        boolean anyId = false;
        for (DatasetEntry e : entries) {
            if (e instanceof DatasetRecord r && !TextHygiene.isBlank(r.id())) {
                anyId = true;
                break;
            }
        }
        List<ValidationProblem> problems = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        // statement key -> per slot (train, validation, test, unassigned) the first entry index + 1
        Map<String, int[]> statements = new HashMap<>();
        for (int index = 0; index < entries.size(); index++) {
            DatasetEntry entry = entries.get(index);
            if (entry instanceof RawLine raw) {
                String problem = raw.problem() == null || raw.problem().isBlank() ? "unknown problem" : raw.problem();
                problems.add(new ValidationProblem(ProblemKind.PARSE_ERROR, ProblemKind.PARSE_ERROR.defaultSeverity(),
                        index, null, raw.sourceLine(), null, who(null, raw.sourceLine(), index)
                                + ": could not be parsed: " + problem));
                continue;
            }
            DatasetRecord r = (DatasetRecord) entry;
            new RecordCheck(problems, r, index).run(schema, detector, anyId, ids, statements, entries);
        }
        return problems;
    }

    /** Counts of the problems per severity and kind. */
    public ValidationSummary summarize(List<ValidationProblem> problems) {
        return ValidationSummary.of(problems);
    }

    /** "Record ID (line N)", "Line N" or "Entry N" for messages. */
    static String who(String id, int line, int index) {
        if (id != null && !TextHygiene.isBlank(id)) {
            return "Record " + id + (line > 0 ? " (line " + line + ")" : "");
        }
        return line > 0 ? "Line " + line : "Entry " + (index + 1);
    }

    private static String where(DatasetRecord other, int otherIndex) {
        if (other.id() != null && !TextHygiene.isBlank(other.id())) {
            return "record " + other.id() + (other.sourceLine() > 0 ? " (line " + other.sourceLine() + ")" : "");
        }
        return other.sourceLine() > 0 ? "the record on line " + other.sourceLine() : "entry " + (otherIndex + 1);
    }

    private static int slot(Split split) {
        return split == null ? SLOTS - 1 : split.ordinal();
    }

    private static String slotName(int slot) {
        return slot == SLOTS - 1 ? UNASSIGNED : Split.values()[slot].id();
    }

    private static String quote(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() > max) {
            flat = flat.substring(0, max - 3) + "...";
        }
        return "\"" + flat + "\"";
    }

    private final class RecordCheck {
        private final List<ValidationProblem> problems;
        private final DatasetRecord record;
        private final int index;
        private final String who;

        RecordCheck(List<ValidationProblem> problems, DatasetRecord record, int index) {
            this.problems = problems;
            this.record = record;
            this.index = index;
            this.who = who(record.id(), record.sourceLine(), index);
        }

        private void add(ProblemKind kind, String field, String text) {
            problems.add(new ValidationProblem(kind, kind.defaultSeverity(), index, record.id(), record.sourceLine(),
                    field, who + ": " + text));
        }

        void run(LabelSchema schema, VerdictDetector detector, boolean anyId, Map<String, Integer> ids,
                Map<String, int[]> statements, List<DatasetEntry> entries) {
            checkId(anyId, ids, entries);
            boolean emptyStatement = TextHygiene.isBlank(record.statement());
            if (emptyStatement) {
                add(ProblemKind.EMPTY_STATEMENT, "statement", "statement is empty");
            }
            boolean knownLabel = checkLabel(schema);
            checkReason(detector, knownLabel);
            if (!emptyStatement) {
                checkStatementRepeats(statements, entries);
            }
            if (options.checkHygiene()) {
                checkHygiene("statement", record.statement());
                checkHygiene("reason", record.reason());
            }
        }

        private void checkId(boolean anyId, Map<String, Integer> ids, List<DatasetEntry> entries) {
            String id = record.id();
            if (TextHygiene.isBlank(id)) {
                if (anyId) {
                    add(ProblemKind.MISSING_ID, "id", "has no id, while other records have one");
                }
                return;
            }
            Integer first = ids.putIfAbsent(id, index);
            if (first != null) {
                add(ProblemKind.DUPLICATE_ID, "id", "id " + id + " is already used by "
                        + where((DatasetRecord) entries.get(first), first));
            }
        }

        private boolean checkLabel(LabelSchema schema) {
            String label = record.label();
            if (TextHygiene.isBlank(label)) {
                add(ProblemKind.MISSING_LABEL, "label", "has no label");
                return false;
            }
            if (schema.contains(label)) {
                return true;
            }
            Optional<String> resolved = schema.resolve(label);
            add(ProblemKind.UNKNOWN_LABEL, "label", "label '" + label + "' is not one of " + String.join(", ",
                    schema.names()) + resolved.map(r -> " (did you mean '" + r + "'?)").orElse(""));
            return false;
        }

        private void checkReason(VerdictDetector detector, boolean knownLabel) {
            String reason = record.reason();
            if (TextHygiene.isBlank(reason)) {
                add(ProblemKind.EMPTY_REASON, "reason", "reason is empty");
                return;
            }
            int words = WordCounter.words(reason);
            if (words < options.minReasonWords()) {
                add(ProblemKind.SHORT_REASON, "reason", "reason has only " + words + (words == 1 ? " word" : " words")
                        + " (at least " + options.minReasonWords() + " expected)");
            }
            if (detector != null && knownLabel) {
                detector.contradiction(record.label(), reason).ifPresent(c -> add(
                        ProblemKind.REASON_CONTRADICTS_LABEL, "reason", "label is '" + c.label()
                                + "' but the reason says it is " + c.verdict() + " (" + quote(c.excerpt(), 120) + ")"));
            }
        }

        private void checkStatementRepeats(Map<String, int[]> statements, List<DatasetEntry> entries) {
            String key = StatementKey.of(record.statement());
            if (key.isEmpty()) {
                return;
            }
            int mine = slot(record.split());
            int[] firsts = statements.computeIfAbsent(key, k -> new int[SLOTS]);
            boolean assigned = mine != SLOTS - 1;
            boolean leaked = false;
            if (assigned) {
                int other = -1;
                for (int s = 0; s < SLOTS - 1; s++) {
                    if (s != mine && firsts[s] > 0 && (other < 0 || firsts[s] < firsts[other])) {
                        other = s;
                    }
                }
                if (other >= 0) {
                    int otherIndex = firsts[other] - 1;
                    DatasetRecord o = (DatasetRecord) entries.get(otherIndex);
                    add(ProblemKind.SPLIT_LEAKAGE, "split", "statement in split '" + slotName(mine)
                            + "' also appears in split '" + slotName(other) + "' as " + where(o, otherIndex)
                            + labelNote(o));
                    leaked = true;
                }
            }
            int duplicateOf = -1;
            if (firsts[mine] > 0) {
                duplicateOf = firsts[mine] - 1;
            } else if (!leaked) {
                // either side unassigned: still the same statement twice
                for (int s = 0; s < SLOTS; s++) {
                    if (firsts[s] > 0 && (!assigned || s == SLOTS - 1)
                            && (duplicateOf < 0 || firsts[s] - 1 < duplicateOf)) {
                        duplicateOf = firsts[s] - 1;
                    }
                }
            }
            if (duplicateOf >= 0) {
                DatasetRecord o = (DatasetRecord) entries.get(duplicateOf);
                String scope = o.split() == record.split()
                        ? (assigned ? " in the same split '" + slotName(mine) + "'" : " (both without a split)")
                        : "";
                add(ProblemKind.DUPLICATE_STATEMENT, "statement", "same statement as " + where(o, duplicateOf)
                        + scope + labelNote(o));
            }
            if (firsts[mine] == 0) {
                firsts[mine] = index + 1;
            }
        }

        private String labelNote(DatasetRecord other) {
            String a = other.label();
            String b = record.label();
            if (a != null && b != null && !a.equals(b)) {
                return ", labelled '" + a + "' there and '" + b + "' here";
            }
            return "";
        }

        private void checkHygiene(String field, String text) {
            if (TextHygiene.isBlank(text)) {
                return; // reported as empty, if at all
            }
            if (TextHygiene.hasMojibake(text)) {
                add(ProblemKind.MOJIBAKE, field, field + " contains mis-decoded characters (mojibake): "
                        + quote(text, 60) + " should probably read " + quote(TextHygiene.fixMojibake(text), 60));
            }
            if (TextHygiene.hasNonBreakingSpace(text)) {
                add(ProblemKind.NON_BREAKING_SPACE, field, field + " contains a non-breaking space");
            }
            if (TextHygiene.isUntrimmed(text)) {
                add(ProblemKind.UNTRIMMED_WHITESPACE, field, field + " has leading or trailing whitespace");
            }
        }
    }
}
