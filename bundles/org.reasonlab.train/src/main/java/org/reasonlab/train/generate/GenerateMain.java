package org.reasonlab.train.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.reasonlab.core.cli.CliArguments;
import org.reasonlab.core.cli.UsageException;
import org.reasonlab.train.cli.CommandModel;
import org.reasonlab.train.cli.ModelArguments;
import org.reasonlab.train.cli.TrainerCommand;

/**
 * Command line: {@code --model PATH|tiny --prompt TEXT [--max-new-tokens N] [--temperature T]
 * [--top-k K] [--top-p P] [--seed S] [--device auto|cpu|gpu] [--precision auto|fp32|bf16] [--no-cache]
 * [--stop TEXT]... [--debug]}. Prints the continuation on stdout. A prompt longer than the context less
 * {@code --max-new-tokens} loses tokens from the left (BOS kept), as training cuts prompts.
 * {@code -h}/{@code --help} prints the usage.
 * Exit codes: 0 ok, 1 model could not be loaded or run, 2 bad arguments.
 */
public final class GenerateMain extends TrainerCommand<GenerateMain.Args> {
    static final String USAGE = "usage: generate --model PATH|tiny --prompt TEXT [--max-new-tokens N] [--temperature T]"
            + " [--top-k K] [--top-p P] [--seed S] [--device auto|cpu|gpu] [--precision auto|fp32|bf16] [--no-cache]"
            + " [--stop TEXT]... [--debug]";

    private GenerateMain() {
        super("generate", USAGE, null, Set.of("no-cache", "debug"), Set.of("prompt", "max-new-tokens", "temperature",
                "top-k", "top-p", "seed", "stop"));
    }

    public static void main(String[] args) {
        exit(new GenerateMain(), args);
    }

    /** Runs the command; returns the exit code. */
    /** Every flag and option of the command, for its usage's test. */
    public static Set<String> declaredOptions() {
        return new GenerateMain().optionNames();
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new GenerateMain().call(args, out, err);
    }

    /** Parsed arguments. */
    record Args(ModelArguments model, String prompt, int maxNewTokens, double temperature, int topK, double topP,
            long seed, boolean noCache, List<String> stops, boolean debug) {
        GenerationOptions options() {
            return new GenerationOptions(maxNewTokens, temperature, topK, topP, seed, true, stops);
        }
    }

    @Override
    protected Args parse(CliArguments args, ModelArguments model) throws UsageException {
        Args parsed = new Args(model, required(args, "prompt"), args.intOption("max-new-tokens", 64),
                args.doubleOption("temperature", 0), args.intOption("top-k", 0), args.doubleOption("top-p", 1.0),
                args.longOption("seed", 0), args.flag("no-cache"), args.options("stop"), args.flag("debug"));
        parsed.options(); // validates the numbers
        return parsed;
    }

    @Override
    protected int execute(Args args, PrintStream out, PrintStream err) {
        try {
            return Runner.generate(args, out, err);
        } catch (Exception | LinkageError e) {
            return failed(e, args.debug(), err);
        }
    }

    /** Keeps DJL classes out of {@link GenerateMain} itself so they load only after {@code prepare}. */
    private static final class Runner {
        static int generate(Args args, PrintStream out, PrintStream err) throws IOException {
            try (CommandModel model = CommandModel.open("generate", args.model(), err)) {
                GenerationResult r = args.noCache()
                        ? Generator.generateUncached(model.model(), args.prompt(), args.options())
                        : Generator.generate(model.model(), args.prompt(), args.options());
                out.println(r.text());
                out.flush();
                err.println("generate: " + r.tokens().size() + " tokens, stopped: " + r.stopReason() + ", precision "
                        + model.model().precision().id() + (r.promptTokensDropped() > 0 ? ", " + r.promptTokensDropped()
                        + " prompt token(s) dropped from the left to fit" : ""));
                return OK;
            }
        }
    }
}
