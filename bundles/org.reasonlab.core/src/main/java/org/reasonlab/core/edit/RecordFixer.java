package org.reasonlab.core.edit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.text.TextHygiene;
import org.reasonlab.core.validate.ProblemKind;

/**
 * The quick fixes for text hygiene problems, on records; headless (core only).
 * <ul>
 * <li>{@link ProblemKind#UNTRIMMED_WHITESPACE}: {@link TextHygiene#trim} (Unicode whitespace);</li>
 * <li>{@link ProblemKind#NON_BREAKING_SPACE}: {@link TextHygiene#replaceNonBreakingSpaces};</li>
 * <li>{@link ProblemKind#MOJIBAKE}: {@link TextHygiene#fixMojibake}.</li>
 * </ul>
 * A fix applies to the record's statement, reason and label, whichever needs it (the validator
 * checks statements and reasons; a label with such a defect is never intended either). The id,
 * the split, annotations, metadata and extra fields are left alone. Records are never changed in
 * place: a fix yields a changed copy, and the edits are core {@link EntryReplacement}s, so the
 * dataset editor can execute them as one undoable operation and the file fallback can apply them
 * to a freshly loaded dataset.
 */
public final class RecordFixer {
    private static final Set<ProblemKind> FIXABLE = EnumSet.of(ProblemKind.UNTRIMMED_WHITESPACE,
            ProblemKind.NON_BREAKING_SPACE, ProblemKind.MOJIBAKE);

    private RecordFixer() {
    }

    /** Whether there is a fix for this kind of problem. */
    public static boolean canFix(ProblemKind kind) {
        return kind != null && FIXABLE.contains(kind);
    }

    /** The kinds that have a fix. */
    public static Set<ProblemKind> fixableKinds() {
        return EnumSet.copyOf(FIXABLE);
    }

    /** What the fix does, for menus: "Trim leading and trailing whitespace". */
    public static String label(ProblemKind kind) {
        return switch (requireFixable(kind)) {
            case UNTRIMMED_WHITESPACE -> "Trim leading and trailing whitespace";
            case NON_BREAKING_SPACE -> "Replace non-breaking spaces with plain spaces";
            case MOJIBAKE -> "Repair mis-decoded characters (mojibake)";
            default -> throw new AssertionError(kind);
        };
    }

    /** The text with the fix applied; the same instance when nothing changes; null stays null. */
    public static String fixText(String text, ProblemKind kind) {
        if (text == null) {
            return null;
        }
        return switch (requireFixable(kind)) {
            case UNTRIMMED_WHITESPACE -> TextHygiene.trim(text);
            case NON_BREAKING_SPACE -> TextHygiene.replaceNonBreakingSpaces(text);
            case MOJIBAKE -> TextHygiene.fixMojibake(text);
            default -> throw new AssertionError(kind);
        };
    }

    /** Whether the fix would change the record. */
    public static boolean needsFix(DatasetRecord record, ProblemKind kind) {
        return changes(record.statement(), kind) || changes(record.reason(), kind) || changes(record.label(), kind);
    }

    /** A copy of the record with the fix applied to statement, reason and label, or null when the fix changes nothing. */
    public static DatasetRecord fixed(DatasetRecord record, ProblemKind kind) {
        if (!needsFix(record, kind)) {
            return null;
        }
        DatasetRecord copy = record.copy();
        copy.setStatement(fixText(record.statement(), kind));
        copy.setReason(fixText(record.reason(), kind));
        copy.setLabel(fixText(record.label(), kind));
        return copy;
    }

    /**
     * Finds the record a marker meant. The entry at {@code entryIndex} is taken when it is a record
     * with that id (both without an id when {@code recordId} is null or blank); otherwise, when
     * entries moved since validation, the record with that id, the one nearest to
     * {@code entryIndex} if the id is not unique.
     *
     * @return the entry index, or -1 when there is no such record
     */
    public static int locate(List<? extends DatasetEntry> entries, int entryIndex, String recordId) {
        boolean noId = recordId == null || recordId.isBlank();
        if (entryIndex >= 0 && entryIndex < entries.size() && entries.get(entryIndex) instanceof DatasetRecord r) {
            if (noId ? r.id() == null || r.id().isBlank() : recordId.equals(r.id())) {
                return entryIndex;
            }
        }
        if (noId) {
            return -1;
        }
        int best = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof DatasetRecord r && recordId.equals(r.id())
                    && (best < 0 || Math.abs(i - entryIndex) < Math.abs(best - entryIndex))) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The edits that apply the fixes: one replacement per changed record (several fixes of one
     * record are combined), in entry order. Fixes whose record cannot be found, or that change
     * nothing, are left out.
     */
    public static List<EntryReplacement> replacements(List<? extends DatasetEntry> entries,
            Collection<RecordFix> fixes) {
        TreeMap<Integer, DatasetRecord> changed = new TreeMap<>();
        for (RecordFix fix : fixes) {
            if (!canFix(fix.kind())) {
                continue;
            }
            int index = locate(entries, fix.entryIndex(), fix.recordId());
            if (index < 0) {
                continue;
            }
            DatasetRecord current = changed.getOrDefault(index, (DatasetRecord) entries.get(index));
            DatasetRecord after = fixed(current, fix.kind());
            if (after != null) {
                changed.put(index, after);
            }
        }
        List<EntryReplacement> edits = new ArrayList<>(changed.size());
        changed.forEach((index, after) -> edits.add(new EntryReplacement(index, entries.get(index), after)));
        return edits;
    }

    /** The edits that fix this kind of problem in every record, in entry order. */
    public static List<EntryReplacement> replacementsForAll(List<? extends DatasetEntry> entries, ProblemKind kind) {
        requireFixable(kind);
        List<EntryReplacement> edits = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof DatasetRecord r) {
                DatasetRecord after = fixed(r, kind);
                if (after != null) {
                    edits.add(new EntryReplacement(i, r, after));
                }
            }
        }
        return edits;
    }

    private static boolean changes(String text, ProblemKind kind) {
        if (text == null) {
            return false;
        }
        return switch (kind) {
            case UNTRIMMED_WHITESPACE -> TextHygiene.isUntrimmed(text);
            case NON_BREAKING_SPACE -> TextHygiene.hasNonBreakingSpace(text);
            case MOJIBAKE -> !fixText(text, kind).equals(text);
            default -> throw new IllegalArgumentException("no fix for " + kind);
        };
    }

    private static ProblemKind requireFixable(ProblemKind kind) {
        if (!canFix(kind)) {
            throw new IllegalArgumentException("no fix for " + kind);
        }
        return kind;
    }
}
