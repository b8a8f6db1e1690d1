package org.reasonlab.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.core.imports.ColumnRole.ID;
import static org.reasonlab.core.imports.ColumnRole.IGNORE;
import static org.reasonlab.core.imports.ColumnRole.KEEP;
import static org.reasonlab.core.imports.ColumnRole.LABEL;
import static org.reasonlab.core.imports.ColumnRole.REASON;
import static org.reasonlab.core.imports.ColumnRole.SPLIT;
import static org.reasonlab.core.imports.ColumnRole.STATEMENT;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    @Test
    void guessesFieldsFromCommonHeaderNamesIgnoringCaseAndSpaces() {
        ColumnMapping mapping = ColumnMapping.guess(List.of(" ID ", "Text", "Class", "Explanation", "Subset", "source"));
        assertEquals(List.of(ID, STATEMENT, LABEL, REASON, SPLIT, KEEP), mapping.roles());
        assertTrue(mapping.isValid(), () -> mapping.problems().toString());
    }

    @Test
    void dfarHeaderIsGuessedAsStatementLabelReason() {
        assertEquals(List.of(STATEMENT, LABEL, REASON), ColumnMapping.guess(List.of("Statement", "Label", "Reason")).roles());
    }

    @Test
    void theFirstColumnNamingAFieldWinsTheOthersAreKept() {
        ColumnMapping mapping = ColumnMapping.guess(List.of("sentence", "statement", "label", "verdict"));
        assertEquals(List.of(STATEMENT, KEEP, LABEL, KEEP), mapping.roles());
    }

    @Test
    void aMappingNeedsOneStatementColumnAndAtMostOneColumnPerField() {
        ColumnMapping none = ColumnMapping.guess(List.of("a", "b"));
        assertEquals(List.of("no column is mapped to statement; every record needs one"), none.problems());

        ColumnMapping twice = none.with(0, STATEMENT).with(1, STATEMENT);
        assertEquals(List.of("'a' (column 1) and 'b' (column 2) are all mapped to statement; map only one of them"),
                twice.problems());
        assertFalse(twice.isValid());

        ColumnMapping fine = twice.with(1, IGNORE);
        assertTrue(fine.isValid());
        assertEquals(List.of(STATEMENT, IGNORE), fine.roles());
        assertEquals(List.of(STATEMENT, STATEMENT), twice.roles(), "with() leaves the original as it was");
    }

    @Test
    void emptyHeaderIsAProblem() {
        assertEquals(List.of("the header row has no columns"), ColumnMapping.guess(List.of()).problems());
    }

    @Test
    void keptColumnsAreRenamedWhenTheirNameWouldBeReadAsAFieldOrIsTakenOrEmpty() {
        ColumnMapping mapping = ColumnMapping.of(List.of("prompt", "text", "", "Note", "note", "gold", "Label"),
                List.of(STATEMENT, KEEP, KEEP, KEEP, KEEP, IGNORE, KEEP));
        assertEquals(Arrays.asList(null, "source_text", "column3", "Note", "note_2", null, "source_Label"),
                mapping.keptNames());
        assertEquals(List.of("id", "statement", "source_text", "column3", "Note", "note_2", "source_Label"),
                mapping.outputColumns(), "id first because no column holds it; ignored columns left out");
    }

    @Test
    void outputColumnsUseTheFieldNamesInSourceOrder() {
        ColumnMapping mapping = ColumnMapping.of(List.of("why", "what", "key", "verdict"),
                List.of(REASON, STATEMENT, ID, LABEL));
        assertEquals(List.of("reason", "statement", "id", "label"), mapping.outputColumns());
        assertEquals(2, mapping.columnOf(ID));
        assertEquals(-1, mapping.columnOf(SPLIT));
    }
}
