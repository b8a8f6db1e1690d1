package org.reasonlab.train.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.run.MessageEvent;
import org.reasonlab.core.run.RunEnvironment;
import org.reasonlab.core.run.StartedEvent;
import org.reasonlab.core.run.StepEvent;

/** Readable progress on stderr; the evaluation's tenths as message events. */
class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void etaReadsLikeAPersonWritesIt() {
        assertEquals("?", Eta.of(0, 10, Duration.ofSeconds(5)));
        assertEquals("45s", Eta.of(1, 10, Duration.ofSeconds(5)));
        assertEquals("1m 05s", Eta.of(1, 14, Duration.ofSeconds(5)));
        assertEquals("2h 00m", Eta.of(1, 2, Duration.ofHours(2)));
        assertEquals("0s", Eta.of(10, 10, Duration.ofSeconds(5)));
    }

    @Test
    void stepsPrintAtMostOnceASecondAndTheLastOne() {
        Instant t0 = Instant.parse("2026-12-05T10:00:00Z");
        StepProgress p = new StepProgress(err);
        p.emit(new StartedEvent(t0, "r", "l", "tiny", "lora", 8, 2, 4,
                new RunEnvironment("25", "0.35.1", "PyTorch", "cpu", 1, "fp32")));
        for (int step = 1; step <= 4; step++) {
            p.emit(new StepEvent(t0.plusMillis(600L * step), step, 0, 1.0 / step, 2e-4, 1500.0, null));
        }
        assertEquals(List.of("train: step 1/4  loss 1.0000  1500 tokens/s  ETA 2s",
                "train: step 3/4  loss 0.3333  1500 tokens/s  ETA 1s",
                "train: step 4/4  loss 0.2500  1500 tokens/s  ETA 0s"), lines());
    }

    @Test
    void evaluationPrintsOnceASecondAndLogsEveryTenth() {
        Instant[] now = {Instant.parse("2026-12-05T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        List<MessageEvent> events = new ArrayList<>();
        EvalProgress p = new EvalProgress("eval", err, events::add, clock);
        for (int done = 1; done <= 20; done++) {
            now[0] = now[0].plusMillis(500);
            p.record(done, 20, null);
        }
        // the first record at once, then every second record (one a second), and the last
        assertEquals(11, lines().size(), lines().toString());
        assertEquals("eval: 1 / 20 records  ETA 10s", lines().get(0));
        assertEquals("eval: 3 / 20 records  ETA 9s", lines().get(1));
        assertEquals("eval: 20 / 20 records  ETA 0s", lines().get(10));
        assertEquals(10, events.size());
        assertEquals("evaluating: 2 / 20 records  ETA 9s", events.get(0).text());
        assertEquals("evaluating: 20 / 20 records  ETA 0s", events.get(9).text());
    }
}
