package org.reasonlab.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.training.TrainFixtures;

/** The evaluation benchmark runs both forwards on the same work and says whether they agree. */
class EvalBenchmarkTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    @Test
    void bothForwardsGiveTheSameTokensAndPredictions() throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            String[] r = TrainFixtures.RECORDS[i];
            jsonl.append("{\"id\":\"r").append(i).append("\",\"statement\":\"").append(r[0]).append("\",\"label\":\"")
                    .append(r[1]).append("\",\"reason\":\"").append(r[2]).append("\",\"split\":\"test\"}\n");
        }
        Path data = Files.writeString(tmp.resolve("d.jsonl"), jsonl.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = EvalBenchmark.run(new String[] {"--model", "tiny", "--dataset", data.toString(), "--rows", "4",
            "--batch-size", "2", "--max-new-tokens", "6", "--new-tokens", "8", "--runs", "1", "--device", "cpu"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("tokens/s") && text.contains("same tokens: yes"), text);
        assertTrue(text.contains("4 records of d.jsonl") && text.contains("same predictions: yes"), text);
    }
}
