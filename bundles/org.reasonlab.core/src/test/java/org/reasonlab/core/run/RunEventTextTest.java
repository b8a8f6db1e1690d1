package org.reasonlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

class RunEventTextTest {

    @Test
    void everyKindReadsAsOneLine() {
        List<String> lines = RunEventCodecTest.oneOfEach().stream().map(RunEventText::describe).toList();
        assertEquals("started run-1: mode l+r, model tiny, lora tuning, 1200 training examples, 900 steps on gpu(0)"
                + " (PyTorch 2.5.1, seed 42)", lines.get(0));
        assertEquals("step 10  epoch 1  loss 1.2500  lr 2.00e-04  grad norm 0.900  1,535 tokens/s", lines.get(1));
        assertEquals("step 11  epoch 1  loss 1.5000  lr 2.00e-04", lines.get(2));
        assertEquals("evaluation after step 100: accuracy 0.8940, rougeL 0.4100", lines.get(3));
        assertEquals("checkpoint at step 100: checkpoints/step-100", lines.get(4));
        assertEquals("warning: 3 records skipped:\nno reason", lines.get(5));
        assertEquals("finished: completed after 3600.5 s", lines.get(6));
        assertEquals("error: out of memory", lines.get(7));
        assertEquals("step 11/900  epoch 1  loss 1.5000  lr 2.00e-04",
                RunEventText.describe(RunEventCodecTest.oneOfEach().get(2), 900));
        for (String line : lines.subList(0, 5)) {
            assertFalse(line.contains("\n"), line);
        }
    }
}
