package org.reasonlab.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.LabelSchema;

class LabelSchemaTextTest {

    @Test
    void theDefaultLabelsTypedOutAreTheDefaultSchema() {
        String text = LabelSchemaText.format(LabelSchema.defaultSchema());
        assertEquals("ethical: 0\nunethical: 1\n", text);
        assertEquals(LabelSchema.defaultSchema(), LabelSchemaText.parse(text, LabelSchema.defaultSchema()).schema());
    }

    @Test
    void readsLabelsWithAliasesSkippingCommentsAndBlankLines() {
        LabelSchemaText.Parsed parsed = LabelSchemaText.parse("# my labels\r\n\r\n acceptable : 0, ok \nunacceptable:\nunsure\n",
                LabelSchema.defaultSchema());
        assertEquals(List.of(), parsed.problems());
        LabelSchema schema = parsed.schema();
        assertEquals(List.of("acceptable", "unacceptable", "unsure"), schema.names());
        assertEquals(List.of("0", "ok"), schema.label("acceptable").orElseThrow().aliases());
        assertEquals(List.of("acceptable"), schema.label("acceptable").orElseThrow().verdictTerms());
        assertEquals(List.of(), schema.label("unacceptable").orElseThrow().aliases());
        assertEquals("acceptable", schema.resolve("OK").orElseThrow());
    }

    @Test
    void aKnownLabelWithOtherAliasesKeepsItsVerdictTerms() {
        LabelSchema schema = LabelSchemaText.parse("ethical: yes\nunethical: no", LabelSchema.defaultSchema()).schema();
        assertEquals(LabelSchema.defaultSchema().label("ethical").orElseThrow().verdictTerms(),
                schema.label("ethical").orElseThrow().verdictTerms());
        assertEquals(List.of("yes"), schema.label("ethical").orElseThrow().aliases());
    }

    @Test
    void problemsNameTheirLines() {
        LabelSchemaText.Parsed parsed = LabelSchemaText.parse("good: 0\n: 1\nbad: 0\nGood\nugly, worse\nfine: a,,b\n", null);
        assertNull(parsed.schema());
        assertFalse(parsed.isValid());
        assertEquals(List.of(
                "line 2: a label needs a name before the colon",
                "line 3: '0' is already used on line 1; names and aliases must differ (letter case does not count)",
                "line 4: 'Good' is already used on line 1; names and aliases must differ (letter case does not count)",
                "line 5: 'ugly, worse' has a comma; write one label per line, with its aliases after a colon (name: alias, alias)",
                "line 6: an empty alias; separate aliases with single commas"),
                parsed.problems().stream().map(TextProblem::toString).toList());
    }

    @Test
    void anAliasRepeatedOnItsOwnLineIsAProblemAndTheNameAsAliasIsSkipped() {
        assertEquals(List.of("line 1: 'X' is already used on this line; names and aliases must differ (letter case does not count)"),
                LabelSchemaText.parse("a: x, X", null).problems().stream().map(TextProblem::toString).toList());
        assertEquals(List.of("b"), LabelSchemaText.parse("a: A, b", null).schema().label("a").orElseThrow().aliases());
    }

    @Test
    void noLabelsIsAProblem() {
        assertEquals(List.of("type at least one label"),
                LabelSchemaText.parse("# nothing\n\n", null).problems().stream().map(TextProblem::toString).toList());
    }
}
