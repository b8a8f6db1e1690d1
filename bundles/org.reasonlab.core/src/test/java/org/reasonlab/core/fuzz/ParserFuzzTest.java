package org.reasonlab.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A short, fixed run of {@link ParserFuzz} in every build; README "Fuzzing" has the long run. */
class ParserFuzzTest {
    private static final long SEED = 12;
    private static final int INPUTS = 3000;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void fuzzedJsonLinesCsvAndDfarFilesLoadAndSaveLosingNothing() {
        List<String> failures = ParserFuzz.run(SEED, INPUTS, 5, null).stream().map(Object::toString).toList();
        assertEquals(List.of(), failures, () -> String.join("\n\n", failures));
    }
}
