package org.reasonlab.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.cli.CliArguments;
import org.reasonlab.train.bench.EvalBenchmark;
import org.reasonlab.train.bench.TrainingBenchmark;
import org.reasonlab.train.eval.EvalMain;
import org.reasonlab.train.generate.GenerateMain;
import org.reasonlab.train.training.TrainMain;

/** Every trainer command answers --help with exit 0 and a usage that names every option it takes. */
class CommandHelpTest {
    private record Command(String name, BiFunction<String[], PrintStream, Integer> run, Set<String> options) {
    }

    @Test
    void everyCommandsHelpListsEveryOption() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        List<Command> commands = List.of(
                new Command("train", (a, o) -> TrainMain.run(a, o, quiet), TrainMain.declaredOptions()),
                new Command("eval", (a, o) -> EvalMain.run(a, o, quiet), EvalMain.declaredOptions()),
                new Command("generate", (a, o) -> GenerateMain.run(a, o, quiet), GenerateMain.declaredOptions()),
                new Command("benchmark", (a, o) -> {
                    try {
                        return TrainingBenchmark.run(a, o);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }, TrainingBenchmark.OPTIONS),
                new Command("benchmark eval", (a, o) -> EvalBenchmark.run(a, o, quiet), EvalBenchmark.declaredOptions()));
        for (Command c : commands) {
            for (String help : List.of("--help", "-h")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int rc = c.run().apply(new String[] {help}, new PrintStream(out, true, StandardCharsets.UTF_8));
                String usage = out.toString(StandardCharsets.UTF_8);
                assertEquals(0, rc, c.name() + " " + help);
                assertTrue(usage.startsWith("usage: " + c.name()), usage);
                for (String option : c.options()) {
                    if (!option.equals(CliArguments.HELP)) {
                        assertTrue(usage.contains("--" + option + " ") || usage.contains("--" + option + "]")
                                || usage.contains("--" + option + "\n") || usage.endsWith("--" + option + "\n"),
                                c.name() + "'s usage lacks --" + option + ":\n" + usage);
                    }
                }
            }
        }
    }
}
