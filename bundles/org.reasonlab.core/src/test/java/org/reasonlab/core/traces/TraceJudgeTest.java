package org.reasonlab.core.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.LabelSchema;

class TraceJudgeTest {
    private final TraceJudge judge = new TraceJudge(LabelSchema.defaultSchema());

    private static final String UNETHICAL_TRACE = "The man kept the money he found in a lost wallet instead of"
            + " handing it in, so this is unethical.";

    @Test
    void aTraceArguingForTheGoldLabelIsCorrect() {
        TraceJudgement j = judge.judge("unethical", UNETHICAL_TRACE);
        assertEquals("unethical", j.verdict());
        assertEquals(Correctness.CORRECT, j.correctness());
        assertEquals(Boolean.TRUE, j.correctness().asBoolean());
        assertEquals(20, j.words());
    }

    @Test
    void aTraceArguingForAnotherLabelIsIncorrect() {
        TraceJudgement j = judge.judge("ethical", UNETHICAL_TRACE);
        assertEquals("unethical", j.verdict());
        assertEquals(Correctness.INCORRECT, j.correctness());
        assertEquals(Boolean.FALSE, j.correctness().asBoolean());
    }

    @Test
    void negationAndDfarAliasesAreReadAsValidateReadsThem() {
        assertEquals(Correctness.CORRECT, judge.judge("0", "Eating lunch when hungry can't be unethical.").correctness());
        assertEquals(Correctness.INCORRECT, judge.judge("1", "Eating lunch when hungry can't be unethical.").correctness());
    }

    @Test
    void aTraceWithoutAClearVerdictIsUnclear() {
        for (String trace : List.of("The cat was in the way. The person walked on.",
                "It is ethical in one way and unethical in another.",
                "If he had lied, it would be unethical.")) {
            TraceJudgement j = judge.judge("ethical", trace);
            assertNull(j.verdict(), trace);
            assertEquals(Correctness.UNCLEAR, j.correctness(), trace);
            assertNull(j.correctness().asBoolean());
        }
    }

    @Test
    void aRecordWithoutAKnownLabelCannotBeJudged() {
        TraceJudgement j = judge.judge(null, UNETHICAL_TRACE);
        assertEquals("unethical", j.verdict());
        assertEquals(Correctness.UNCLEAR, j.correctness());
        assertEquals(Correctness.UNCLEAR, judge.judge("maybe", UNETHICAL_TRACE).correctness());
    }

    @Test
    void usesTheDatasetsOwnLabels() {
        TraceJudge custom = new TraceJudge(LabelSchema.of("safe", "harmful"));
        assertEquals(Correctness.CORRECT, custom.judge("harmful", "Mixing bleach and ammonia releases toxic gas,"
                + " so this is harmful.").correctness());
    }
}
