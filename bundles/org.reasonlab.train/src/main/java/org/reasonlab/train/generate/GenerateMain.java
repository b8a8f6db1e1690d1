package org.reasonlab.train.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.reasonlab.train.DjlEnvironment;

/**
 * Command line: {@code --model PATH|tiny --prompt TEXT [--max-new-tokens N] [--temperature T]
 * [--top-k K] [--top-p P] [--seed S] [--device auto|cpu|gpu] [--precision auto|fp32|bf16] [--no-cache]
 * [--stop TEXT]... [--debug]}. Prints the continuation on stdout. A prompt longer than the context less
 * {@code --max-new-tokens} loses tokens from the left (BOS kept), as training cuts prompts.
 * Exit codes: 0 ok, 1 model could not be loaded or run, 2 bad arguments.
 */
public final class GenerateMain {
    static final String USAGE = "usage: generate --model PATH|tiny --prompt TEXT [--max-new-tokens N] [--temperature T]"
            + " [--top-k K] [--top-p P] [--seed S] [--device auto|cpu|gpu] [--precision auto|fp32|bf16] [--no-cache]"
            + " [--stop TEXT]... [--debug]";

    private GenerateMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Parsed arguments. */
    record Args(String model, String prompt, int maxNewTokens, double temperature, int topK, double topP, long seed,
            String device, boolean noCache, List<String> stops, boolean debug, String precision) {
        GenerationOptions options() {
            return new GenerationOptions(maxNewTokens, temperature, topK, topP, seed, true, stops);
        }
    }

    static Args parse(String[] args) {
        String model = null;
        String prompt = null;
        int max = 64;
        double temperature = 0;
        int topK = 0;
        double topP = 1.0;
        long seed = 0;
        String device = "auto";
        String precision = "auto";
        boolean noCache = false;
        boolean debug = false;
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--no-cache" -> noCache = true;
                case "--debug" -> debug = true;
                case "--model", "--prompt", "--max-new-tokens", "--temperature", "--top-k", "--top-p", "--seed", "--device",
                        "--precision", "--stop" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    String v = args[++i];
                    try {
                        switch (a) {
                            case "--model" -> model = v;
                            case "--prompt" -> prompt = v;
                            case "--max-new-tokens" -> max = Integer.parseInt(v);
                            case "--temperature" -> temperature = Double.parseDouble(v);
                            case "--top-k" -> topK = Integer.parseInt(v);
                            case "--top-p" -> topP = Double.parseDouble(v);
                            case "--seed" -> seed = Long.parseLong(v);
                            case "--device" -> device = v;
                            case "--precision" -> precision = v.toLowerCase(java.util.Locale.ROOT);
                            default -> stops.add(v);
                        }
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(a + ": not a number: '" + v + "'");
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        if (model == null) {
            throw new IllegalArgumentException("--model is required");
        }
        if (prompt == null) {
            throw new IllegalArgumentException("--prompt is required");
        }
        if (!List.of("auto", "cpu", "gpu").contains(device)) {
            throw new IllegalArgumentException("--device must be auto, cpu or gpu, was '" + device + "'");
        }
        if (!org.reasonlab.core.run.RunSpec.PRECISIONS.contains(precision)) {
            throw new IllegalArgumentException("--precision must be auto, fp32 or bf16, was '" + precision + "'");
        }
        Args parsed = new Args(model, prompt, max, temperature, topK, topP, seed, device, noCache, stops, debug,
                precision);
        parsed.options(); // validates the numbers
        return parsed;
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        Args args;
        try {
            args = parse(argv);
        } catch (IllegalArgumentException e) {
            err.println("generate: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        DjlEnvironment.prepare(); // before any DJL class initialises
        Path tmp = null;
        try {
            Path folder;
            if (args.model().equals(org.reasonlab.train.model.TinyModelPreset.NAME)
                    && !Files.isDirectory(Path.of(args.model()))) {
                tmp = Files.createTempDirectory("reasonlab-tiny-");
                folder = org.reasonlab.train.model.TinyModelPreset.write(tmp);
                err.println("generate: using the built-in tiny preset (UNTRAINED: random weights, for smoke tests)");
            } else {
                folder = Path.of(args.model());
            }
            return Runner.generate(folder, args, out, err);
        } catch (Exception | LinkageError e) {
            err.println("generate: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (args.debug()) {
                e.printStackTrace(err);
            }
            return 1;
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Keeps DJL classes out of {@link GenerateMain} itself so they load only after {@code prepare}. */
    private static final class Runner {
        static int generate(Path folder, Args args, PrintStream out, PrintStream err) throws IOException {
            ai.djl.Device device = DjlEnvironment.device(args.device());
            var precision = org.reasonlab.train.model.Precision.resolve(args.precision(), device);
            try (ai.djl.ndarray.NDManager root = ai.djl.ndarray.NDManager.newBaseManager(device);
                    org.reasonlab.train.model.LoadedModel model = org.reasonlab.train.model.ModelLoader.load(folder, root,
                            device, precision, false)) {
                for (String w : model.warnings()) {
                    err.println("generate: warning: " + w);
                }
                GenerationResult r = args.noCache()
                        ? Generator.generateUncached(model, args.prompt(), args.options())
                        : Generator.generate(model, args.prompt(), args.options());
                out.println(r.text());
                out.flush();
                err.println("generate: " + r.tokens().size() + " tokens, stopped: " + r.stopReason() + ", precision "
                        + precision.id() + (r.promptTokensDropped() > 0 ? ", " + r.promptTokensDropped()
                        + " prompt token(s) dropped from the left to fit" : ""));
                return 0;
            }
        }
    }
}
