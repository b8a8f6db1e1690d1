package org.reasonlab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class LabelSchemaTest {

    @Test
    void defaultSchemaResolvesDfarAliases() {
        LabelSchema schema = LabelSchema.defaultSchema();
        assertEquals(List.of("ethical", "unethical"), schema.names());
        assertEquals("ethical", schema.resolve("0").orElseThrow());
        assertEquals("unethical", schema.resolve(" 1 ").orElseThrow());
        assertEquals("unethical", schema.resolve("Unethical").orElseThrow());
        assertTrue(schema.resolve("maybe").isEmpty());
    }

    @Test
    void aliasNamingTwoLabelsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LabelSchema(List.of(
                new LabelSchema.Label("yes", List.of("y"), List.of()),
                new LabelSchema.Label("no", List.of("y"), List.of()))));
    }

    @Test
    void splitParsesCommonSpellings() {
        assertEquals(Split.VALIDATION, Split.parse("dev").orElseThrow());
        assertEquals(Split.TRAIN, Split.parse("Train").orElseThrow());
        assertTrue(Split.parse("holdout").isEmpty());
    }
}
