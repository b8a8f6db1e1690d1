package org.reasonlab.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.validate.ProblemKind;

/** The headless fixes for text hygiene problems. */
class RecordFixerTest {
    static final String NBSP = "\u00A0";
    static final String MOJIBAKE = "I didn\u00E2\u20AC\u2122t pay";
    static final String REPAIRED = "I didn\u2019t pay";

    static DatasetRecord record(String id, String statement, String label, String reason) {
        DatasetRecord r = new DatasetRecord(id, statement, label, reason, Split.TRAIN);
        r.setSourceLine(7);
        return r;
    }

    @Test
    void onlyTheHygieneKindsHaveAFix() {
        assertTrue(RecordFixer.canFix(ProblemKind.UNTRIMMED_WHITESPACE));
        assertTrue(RecordFixer.canFix(ProblemKind.NON_BREAKING_SPACE));
        assertTrue(RecordFixer.canFix(ProblemKind.MOJIBAKE));
        assertFalse(RecordFixer.canFix(ProblemKind.UNKNOWN_LABEL));
        assertFalse(RecordFixer.canFix(ProblemKind.PARSE_ERROR));
        assertFalse(RecordFixer.canFix(null));
        assertEquals("Trim leading and trailing whitespace", RecordFixer.label(ProblemKind.UNTRIMMED_WHITESPACE));
        assertThrows(IllegalArgumentException.class, () -> RecordFixer.label(ProblemKind.DUPLICATE_ID));
    }

    @Test
    void trimmingFixesStatementReasonAndLabelOfACopy() {
        DatasetRecord r = record(" s1 ", " I paid. ", "ethical ", "\u2003Paying is honest.\n");
        DatasetRecord fixed = RecordFixer.fixed(r, ProblemKind.UNTRIMMED_WHITESPACE);

        assertEquals("I paid.", fixed.statement());
        assertEquals("Paying is honest.", fixed.reason());
        assertEquals("ethical", fixed.label());
        assertEquals(" s1 ", fixed.id(), "the id is left alone");
        assertEquals(Split.TRAIN, fixed.split());
        assertEquals(7, fixed.sourceLine());
        assertEquals(" I paid. ", r.statement(), "the record itself is not changed");
    }

    @Test
    void nonBreakingSpacesAndMojibake() {
        DatasetRecord r = record("s1", "I" + NBSP + "paid" + "\u202F" + "twice.", "ethical", MOJIBAKE + " back.");
        DatasetRecord spaces = RecordFixer.fixed(r, ProblemKind.NON_BREAKING_SPACE);
        assertEquals("I paid twice.", spaces.statement());
        assertEquals(MOJIBAKE + " back.", spaces.reason(), "only the asked-for kind is fixed");

        DatasetRecord mojibake = RecordFixer.fixed(r, ProblemKind.MOJIBAKE);
        assertEquals(REPAIRED + " back.", mojibake.reason());
        assertEquals(r.statement(), mojibake.statement());
    }

    @Test
    void nothingToFixGivesNull() {
        DatasetRecord r = record("s1", "I paid.", "ethical", "Paying is honest.");
        for (ProblemKind kind : RecordFixer.fixableKinds()) {
            assertFalse(RecordFixer.needsFix(r, kind));
            assertNull(RecordFixer.fixed(r, kind), kind.name());
        }
        String text = "caf\u00E9 na\u00EFve";
        assertSame(text, RecordFixer.fixText(text, ProblemKind.MOJIBAKE), "genuine accents are no mojibake");
        assertNull(RecordFixer.fixText(null, ProblemKind.UNTRIMMED_WHITESPACE));
    }

    @Test
    void locateFindsTheRecordAgainWhenEntriesMoved() {
        RawLine raw = new RawLine("{oops".getBytes(StandardCharsets.UTF_8), 1, "invalid JSON");
        DatasetRecord a = record("a", "A.", "ethical", "x");
        DatasetRecord b = record("b", "B.", "ethical", "x");
        DatasetRecord b2 = record("b", "B again.", "ethical", "x");
        DatasetRecord none = record(null, "N.", "ethical", "x");
        List<DatasetEntry> entries = List.of(raw, a, b, none, b2);

        assertEquals(1, RecordFixer.locate(entries, 1, "a"));
        assertEquals(1, RecordFixer.locate(entries, 3, "a"), "moved: found by id");
        assertEquals(4, RecordFixer.locate(entries, 4, "b"));
        assertEquals(4, RecordFixer.locate(entries, 5, "b"), "duplicate ids: the nearest");
        assertEquals(2, RecordFixer.locate(entries, 1, "b"));
        assertEquals(3, RecordFixer.locate(entries, 3, null), "no id: the entry when it has no id either");
        assertEquals(-1, RecordFixer.locate(entries, 1, null));
        assertEquals(-1, RecordFixer.locate(entries, 0, null), "an unparsed line is never fixed");
        assertEquals(-1, RecordFixer.locate(entries, 1, "zzz"));
        assertEquals(-1, RecordFixer.locate(entries, 99, null));
    }

    @Test
    void replacementsCombineTheFixesOfOneRecord() {
        DatasetRecord a = record("a", " A" + NBSP + "b ", "ethical", "x");
        DatasetRecord c = record("c", "C.", "ethical", " y");
        RawLine raw = new RawLine(new byte[] {'{', (byte) 0xFF}, 2, "invalid UTF-8");
        List<DatasetEntry> entries = List.of(a, raw, c);

        List<EntryReplacement> edits = RecordFixer.replacements(entries,
                List.of(new RecordFix(2, "c", ProblemKind.UNTRIMMED_WHITESPACE),
                        new RecordFix(0, "a", ProblemKind.NON_BREAKING_SPACE),
                        new RecordFix(0, "a", ProblemKind.UNTRIMMED_WHITESPACE),
                        new RecordFix(0, "a", ProblemKind.MOJIBAKE), // nothing to do
                        new RecordFix(1, null, ProblemKind.UNTRIMMED_WHITESPACE), // the raw line
                        new RecordFix(0, "a", ProblemKind.UNKNOWN_LABEL))); // no fix

        assertEquals(2, edits.size());
        assertEquals(0, edits.get(0).index());
        assertSame(a, edits.get(0).before());
        assertEquals("A b", ((DatasetRecord) edits.get(0).after()).statement());
        assertEquals(2, edits.get(1).index());
        assertEquals("y", ((DatasetRecord) edits.get(1).after()).reason());
    }

    @Test
    void replacementsForAllRecords() {
        DatasetRecord a = record("a", "A ", "ethical", "x");
        DatasetRecord b = record("b", "B.", "ethical", "x");
        DatasetRecord c = record("c", "C.", "ethical", "x ");
        List<EntryReplacement> edits = RecordFixer.replacementsForAll(List.of(a, b, c),
                ProblemKind.UNTRIMMED_WHITESPACE);
        assertEquals(List.of(0, 2), edits.stream().map(EntryReplacement::index).toList());
        assertThrows(IllegalArgumentException.class,
                () -> RecordFixer.replacementsForAll(List.of(a), ProblemKind.SHORT_REASON));
    }
}
