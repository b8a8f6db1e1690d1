package org.reasonlab.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingModeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "l|L", "L|L", "label|L", " Label |L",
        "l+r|L_PLUS_R", "L+R|L_PLUS_R", "lr|L_PLUS_R", "label+reason|L_PLUS_R", "L + R|L_PLUS_R", "L_PLUS_R|L_PLUS_R",
        "r->l|R_THEN_L", "R→L|R_THEN_L", "rl|R_THEN_L", "r2l|R_THEN_L", "R_THEN_L|R_THEN_L",
    })
    void parsesWhatUsersWrite(String text, TrainingMode expected) {
        assertEquals(Optional.of(expected), TrainingMode.parse(text));
    }

    @Test
    void rejectsOtherText() {
        assertEquals(Optional.empty(), TrainingMode.parse("reason"));
        assertEquals(Optional.empty(), TrainingMode.parse(""));
        assertEquals(Optional.empty(), TrainingMode.parse(null));
    }

    @Test
    void idsRoundTrip() {
        assertEquals("l", TrainingMode.L.id());
        assertEquals("l+r", TrainingMode.L_PLUS_R.id());
        assertEquals("r->l", TrainingMode.R_THEN_L.id());
        for (TrainingMode mode : TrainingMode.values()) {
            assertEquals(Optional.of(mode), TrainingMode.parse(mode.id()));
        }
        assertFalse(TrainingMode.L.needsReason());
        assertTrue(TrainingMode.L_PLUS_R.needsReason());
        assertTrue(TrainingMode.R_THEN_L.needsReason());
    }
}
