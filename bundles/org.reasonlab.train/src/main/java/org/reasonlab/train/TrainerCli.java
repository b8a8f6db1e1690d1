package org.reasonlab.train;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.reasonlab.train.bench.EvalBenchmark;
import org.reasonlab.train.bench.TrainingBenchmark;
import org.reasonlab.train.eval.EvalMain;
import org.reasonlab.train.generate.GenerateMain;
import org.reasonlab.train.training.TrainMain;

/**
 * Entry point of the trainer JVM ({@code ./reasonlab train|eval|generate|benchmark ...}, and later
 * the IDE's launches). DJL's offline and no-tracking properties are set here, before any DJL class
 * initialises, from the user's setting ({@link DjlEnvironment#prepare()}).
 */
public final class TrainerCli {
    private TrainerCli() {
    }

    public static void main(String[] args) {
        DjlEnvironment.prepare();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** {@code probe}: {@code eval} with its counterfactual probe, which needs {@code --attributes}. */
    private static int probe(String[] args, PrintStream out, PrintStream err) {
        if (!Arrays.asList(args).contains("--attributes") && !Arrays.asList(args).contains("--help")
                && !Arrays.asList(args).contains("-h")) {
            err.println("probe: --attributes builtin:NAME|SET.json is required (built in: gender, names, nationality,"
                    + " religion); the other options are eval's");
            return 2;
        }
        return EvalMain.run(args, out, err);
    }

    private static int benchmark(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("eval")) {
            return EvalBenchmark.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        try {
            return TrainingBenchmark.run(args, out);
        } catch (Exception e) {
            err.println("benchmark: " + e.getMessage());
            return 1;
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: reasonlab train|eval|probe|generate|benchmark ...");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "train" -> TrainMain.run(rest, out, err);
            case "generate" -> GenerateMain.run(rest, out, err);
            case "eval" -> EvalMain.run(rest, out, err);
            case "probe" -> probe(rest, out, err);
            case "benchmark" -> benchmark(rest, out, err);
            default -> {
                err.println("reasonlab: unknown trainer command '" + args[0] + "'");
                yield 2;
            }
        };
    }
}
