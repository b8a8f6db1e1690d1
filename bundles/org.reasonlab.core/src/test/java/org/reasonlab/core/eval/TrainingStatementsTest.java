package org.reasonlab.core.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;

class TrainingStatementsTest {
    @Test
    void statementsMatchAsTheLeakageCheckNormalisesThem() {
        TrainingStatements trained = TrainingStatements.of(List.of(
                new DatasetRecord("1", "I fed a stray cat.", "ethical", null, Split.TRAIN),
                new DatasetRecord("2", "  ", "ethical", null, Split.TRAIN)));
        assertTrue(trained.contains("i fed a  stray cat"), "case, spacing and the final period do not count");
        assertTrue(trained.contains("I fed a stray cat!"));
        assertFalse(trained.contains("I fed a stray dog."));
        assertFalse(trained.contains(""), "a blank statement leaks nothing");
        assertFalse(TrainingStatements.none().contains("I fed a stray cat."));
    }
}
