package org.reasonlab.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.cli.CliArguments;
import org.reasonlab.core.cli.UsageException;
import org.reasonlab.train.eval.EvalMain;
import org.reasonlab.train.generate.GenerateMain;
import org.reasonlab.train.training.TrainMain;

/** The command line the trainer's commands share; nothing here reaches DJL. */
class TrainerCommandTest {
    private interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private record Outcome(int rc, String out, String err) {
    }

    private static Outcome run(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsage() {
        assertEquals(new Outcome(0, "usage: train", ""), head(run(TrainMain::run, "--help")));
        assertEquals(new Outcome(0, "usage: train", ""), head(run(TrainMain::run, "--run-dir", "x", "-h")));
        assertEquals(new Outcome(0, "usage: eval", ""), head(run(EvalMain::run, "-h")));
        assertEquals(new Outcome(0, "usage: generate", ""), head(run(GenerateMain::run, "--help")));
    }

    private static Outcome head(Outcome o) {
        return new Outcome(o.rc(), o.out().substring(0, o.out().indexOf(' ', 7)), o.err());
    }

    @Test
    void badCommandLinesNameTheCommandAndShowItsUsage() {
        Outcome o = run(EvalMain::run, "--model", "tiny", "--dataset", "d.jsonl", "--bogus");
        assertEquals(2, o.rc());
        assertTrue(o.err().startsWith("eval: unknown option --bogus\nusage: eval --model"), o.err());
        o = run(GenerateMain::run, "--model", "tiny", "--prompt", "x", "stray");
        assertEquals(2, o.rc());
        assertTrue(o.err().startsWith("generate: unknown argument 'stray'\nusage: generate"), o.err());
        o = run(TrainMain::run, "--run-dir", "r", "--dataset", "d.jsonl", "--seed", "x");
        assertEquals(2, o.rc());
        assertTrue(o.err().startsWith("train: --seed must be a whole number, was 'x'\nusage: train"), o.err());
        o = run(TrainMain::run, "--run-dir", "r", "--dataset", "d.jsonl", "--device", "tpu");
        assertEquals(2, o.rc());
        assertTrue(o.err().startsWith("train: --device must be auto, cpu or gpu, was 'tpu'"), o.err());
        o = run(GenerateMain::run, "--model", "tiny", "--prompt", "x", "--top-p", "0");
        assertEquals(2, o.rc());
        assertTrue(o.err().startsWith("generate: topP must be in (0, 1]"), o.err());
    }

    @Test
    void modelArgumentsHaveOneSetOfRules() throws UsageException {
        Set<String> options = ModelArguments.OPTIONS;
        assertEquals(new ModelArguments("tiny", "auto", "auto"),
                ModelArguments.parse(CliArguments.parse(List.of(), Set.of(), options), "tiny"));
        assertEquals(new ModelArguments("m", "cpu", "bf16"), ModelArguments.parse(CliArguments.parse(
                List.of("--model", "m", "--device", "CPU", "--precision", "BF16"), Set.of(), options), null));
        UsageException e = assertThrows(UsageException.class,
                () -> ModelArguments.parse(CliArguments.parse(List.of(), Set.of(), options), null));
        assertEquals("--model is required", e.getMessage());
    }
}
