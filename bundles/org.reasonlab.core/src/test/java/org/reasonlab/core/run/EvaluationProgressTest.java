package org.reasonlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class EvaluationProgressTest {
    @Test
    void theMessageReadsBack() {
        EvaluationProgress p = new EvaluationProgress(40, 100);
        assertEquals("evaluating: 40 / 100 records  ETA 12s", p.message("12s"));
        assertEquals(Optional.of(p), EvaluationProgress.parse(p.message("12s")));
        assertEquals(Optional.of(p), EvaluationProgress.parse(p.message("")));
        assertTrue(EvaluationProgress.parse("evaluating: soon").isEmpty());
        assertTrue(EvaluationProgress.parse(null).isEmpty());
    }

    @Test
    void onlyALastUnfinishedProgressIsCurrent() {
        Instant t = Instant.parse("2025-05-01T10:00:00Z");
        MessageEvent at40 = new MessageEvent(t, MessageEvent.Level.INFO, "evaluating: 40 / 100 records  ETA 12s");
        MessageEvent done = new MessageEvent(t, MessageEvent.Level.INFO, "evaluating: 100 / 100 records  ETA 0s");
        MessageEvent other = new MessageEvent(t, MessageEvent.Level.INFO, "saved checkpoint");
        assertEquals(Optional.of(new EvaluationProgress(40, 100)), EvaluationProgress.current(List.of(other, at40)));
        assertTrue(EvaluationProgress.current(List.of(at40, other)).isEmpty());
        assertTrue(EvaluationProgress.current(List.of(at40, done)).isEmpty());
        assertTrue(EvaluationProgress.current(List.of()).isEmpty());
    }
}
