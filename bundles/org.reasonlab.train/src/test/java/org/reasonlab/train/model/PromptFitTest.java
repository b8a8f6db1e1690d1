package org.reasonlab.train.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PromptFitTest {
    static final Integer BOS = 1;

    @Test
    void aFittingPromptIsKept() {
        long[] p = {1, 5, 6, 7};
        assertSame(p, PromptFit.left(p, 4, BOS));
        assertSame(p, PromptFit.left(p, 10, BOS));
    }

    @Test
    void tokensGoFromTheLeftAndBosStays() {
        assertArrayEquals(new long[] {1, 8, 9}, PromptFit.left(new long[] {1, 5, 6, 7, 8, 9}, 3, BOS));
        // no BOS (GPT-2, or a tokenizer without one): only the tail
        assertArrayEquals(new long[] {8, 9}, PromptFit.left(new long[] {5, 6, 7, 8, 9}, 2, BOS));
        assertArrayEquals(new long[] {8, 9}, PromptFit.left(new long[] {1, 6, 7, 8, 9}, 2, null));
    }

    @Test
    void atLeastBosAndOneTokenSurvive() {
        assertArrayEquals(new long[] {1, 9}, PromptFit.left(new long[] {1, 5, 6, 7, 8, 9}, 0, BOS));
        assertArrayEquals(new long[] {9}, PromptFit.left(new long[] {5, 6, 7, 8, 9}, -3, BOS));
    }

    @Test
    void theBudgetIsTheSequenceLengthLessTheAnswer() {
        assertEquals(512 - 128, PromptFit.budget(512, 4096, 128));
        assertEquals(1024 - 64, PromptFit.budget(0, 1024, 64)); // no run setting: the context
        assertEquals(1024 - 64, PromptFit.budget(2048, 1024, 64)); // never beyond the context
    }
}
