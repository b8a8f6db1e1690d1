package org.reasonlab.train.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.generate.GenerationOptions;
import org.reasonlab.train.generate.Generator;
import org.reasonlab.train.model.Architecture;
import org.reasonlab.train.model.Bf16;
import org.reasonlab.train.model.CausalLm;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelConfig;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.model.Precision;
import org.reasonlab.train.model.SafetensorsWriter;
import org.reasonlab.train.model.TinyModelPreset;

/**
 * Measures what the trainer's DJL stack achieves on this machine, on random Llama models of about
 * 1M and 10M parameters (the tiny preset's character tokenizer, vocab 354):
 * <ol>
 * <li>training throughput: forward + backward ({@link GradientCollector}) + a plain SGD update on
 * random token batches (default 8 x 128), tokens/s after warm-up steps;</li>
 * <li>generation throughput with the KV cache (greedy, 64 new tokens, EOS ignored);</li>
 * <li>the matmul peak through DJL: best GFLOP/s of square fp32 matmuls (1024, 2048);</li>
 * <li>achieved training FLOP/s = 6 x params x tokens/s (attention's own FLOPs left out) and its
 * fraction of that peak.</li>
 * </ol>
 * Usage: {@code TrainingBenchmark [--device auto|cpu|gpu] [--precision fp32|bf16] [--batch 8] [--seq 128]
 * [--warmup 2] [--steps 5] [--new-tokens 64] [--sizes 1m,10m]}; {@code --precision fp32,bf16} runs both and
 * prints the ratio. With {@code bf16} the dense layers
 * multiply in bf16 (training: float32 weights cast per product; generation: weights stored in bf16),
 * and the matmul peak is measured in bf16. A main class, not a test.
 */
public final class TrainingBenchmark {
    /** The options, each with a value. */
    public static final Set<String> OPTIONS = Set.of("device", "precision", "batch", "seq", "warmup", "steps",
            "new-tokens", "sizes");
    static final String USAGE = "usage: benchmark [--device auto|cpu|gpu] [--precision fp32|bf16|fp32,bf16] [--batch N] [--seq N]"
            + " [--warmup N] [--steps N] [--new-tokens N] [--sizes 1m,10m]";

    /** One benchmarked model size. */
    public record Size(String name, int hidden, int intermediate, int layers, int heads) {
        public ModelConfig config() {
            int vocab = TinyModelPreset.vocabSize();
            return new ModelConfig(Architecture.LLAMA, "llama", hidden, intermediate, layers, heads, heads,
                    hidden / heads, vocab, 1024, 1e-5, 10000.0, false, false, false, false, TinyModelPreset.BOS,
                    List.of(TinyModelPreset.EOS));
        }
    }

    public static final List<Size> SIZES = List.of(new Size("1m", 128, 344, 5, 4), new Size("10m", 320, 864, 8, 8));

    /** What one size measured. */
    public record Result(String size, long params, double trainTokensPerSecond, double stepSeconds, double firstLoss,
            double lastLoss, double generateTokensPerSecond, double achievedGflops) {
    }

    private TrainingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        DjlEnvironment.prepare();
        System.exit(run(args, System.out));
    }

    public static int run(String[] argv, PrintStream out) throws Exception {
        String device = "auto";
        String precisionSetting = "fp32";
        int batch = 8;
        int seq = 128;
        int warmup = 2;
        int steps = 5;
        int newTokens = 64;
        List<String> sizes = List.of("1m", "10m");
        if (Arrays.asList(argv).contains("--help") || Arrays.asList(argv).contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        if (argv.length % 2 != 0) {
            System.err.println("benchmark: " + argv[argv.length - 1] + " needs a value\n" + USAGE);
            return 2;
        }
        for (int i = 0; i + 1 < argv.length; i += 2) {
            String v = argv[i + 1];
            switch (argv[i]) {
                case "--device" -> device = v;
                case "--precision" -> precisionSetting = v;
                case "--batch" -> batch = Integer.parseInt(v);
                case "--seq" -> seq = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--steps" -> steps = Integer.parseInt(v);
                case "--new-tokens" -> newTokens = Integer.parseInt(v);
                case "--sizes" -> sizes = Arrays.asList(v.toLowerCase(Locale.ROOT).split(","));
                default -> {
                    System.err.println("benchmark: unknown argument " + argv[i] + "\n" + USAGE);
                    return 2;
                }
            }
        }
        Device dev = DjlEnvironment.device(device);
        Map<Precision, List<Result>> byPrecision = new LinkedHashMap<>();
        for (String setting : precisionSetting.split(",")) {
            Precision precision = Precision.resolve(setting, dev);
            byPrecision.put(precision, run(dev, precision, sizes, batch, seq, warmup, steps, newTokens, out));
        }
        if (byPrecision.size() == 2) {
            List<Result> fp32 = byPrecision.get(Precision.FP32);
            List<Result> bf16 = byPrecision.get(Precision.BF16);
            out.println("bf16 vs fp32, this run:");
            for (int i = 0; i < fp32.size(); i++) {
                out.printf(Locale.ROOT, "  %-5s training %.2fx faster in bf16 (%.0f vs %.0f tokens/s)%n", fp32.get(i).size(),
                        bf16.get(i).trainTokensPerSecond() / fp32.get(i).trainTokensPerSecond(),
                        bf16.get(i).trainTokensPerSecond(), fp32.get(i).trainTokensPerSecond());
            }
            out.println();
        }
        out.println("same benchmark on a GPU (DJL needs a CUDA libtorch: see the README's Trainer section):");
        out.println("  DJL_OFFLINE=false ./reasonlab benchmark --device gpu --precision fp32,bf16");
        out.println("  PYTORCH_LIBRARY_PATH=/opt/libtorch/lib PYTORCH_VERSION=2.7.1 PYTORCH_FLAVOR=cu128 ./reasonlab benchmark"
                + " --device gpu --precision fp32,bf16");
        return 0;
    }

    /** Every size in one precision; prints its table. */
    private static List<Result> run(Device dev, Precision precision, List<String> sizes, int batch, int seq,
            int warmup, int steps, int newTokens, PrintStream out) throws Exception {
        Engine engine = Engine.getInstance();
        out.printf(Locale.ROOT, "ReasonLab training benchmark: %s %s, device %s, precision %s, %d CPU cores, java %s%n",
                engine.getEngineName(), engine.getVersion(), dev, precision.id(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.printf(Locale.ROOT, "training: batch %d x seq %d, %d warm-up + %d measured steps, SGD; generation: %d new"
                + " tokens, greedy, KV cache%n%n", batch, seq, warmup, steps, newTokens);

        double peak;
        List<Result> results = new ArrayList<>();
        try (NDManager root = NDManager.newBaseManager(dev)) {
            peak = matmulPeak(root, out, precision);
            Path tmp = Files.createTempDirectory("reasonlab-bench-");
            try {
                for (Size s : SIZES) {
                    if (sizes.contains(s.name())) {
                        results.add(benchmark(s, tmp.resolve(s.name()), root, dev, precision, batch, seq, warmup,
                                steps, newTokens, out));
                    }
                }
            } finally {
                deleteTree(tmp);
            }
        }
        out.println();
        out.printf(Locale.ROOT, "%-5s %10s %12s %9s %15s %13s %12s %12s%n", "size", "params", "train tok/s",
                "step s", "loss first>last", "gen tok/s", "train GF/s", "% of peak");
        for (Result r : results) {
            out.printf(Locale.ROOT, "%-5s %10d %12.0f %9.3f %7.3f>%-7.3f %13.1f %12.2f %11.1f%%%n", r.size(), r.params(),
                    r.trainTokensPerSecond(), r.stepSeconds(), r.firstLoss(), r.lastLoss(),
                    r.generateTokensPerSecond(), r.achievedGflops(), 100 * r.achievedGflops() / peak);
        }
        out.printf(Locale.ROOT, "matmul peak (DJL, %s): %.1f GFLOP/s%n", precision.id(), peak);
        out.println("train GF/s = 6 x params x train tok/s (attention score FLOPs not counted)");
        out.println();
        return results;
    }

    /** Best GFLOP/s of square matmuls of size 1024 and 2048 (bf16: float32 in and out, bf16 product). */
    static double matmulPeak(NDManager root, PrintStream out, Precision precision) {
        double best = 0;
        for (int n : new int[] {1024, 2048}) {
            try (NDManager m = root.newSubManager()) {
                NDArray a = m.randomNormal(new Shape(n, n));
                NDArray b = m.randomNormal(new Shape(n, n));
                int reps = n == 1024 ? 10 : 3;
                double bestT = Double.MAX_VALUE;
                for (int r = 0; r < reps + 2; r++) {
                    long t0 = System.nanoTime();
                    try (NDArray c = precision == Precision.BF16 ? Bf16.linear(a, b) : a.matMul(b)) {
                        c.get(0, 0).getFloat(); // synchronise (GPU)
                    }
                    double t = (System.nanoTime() - t0) / 1e9;
                    if (r >= 2) {
                        bestT = Math.min(bestT, t);
                    }
                }
                double gflops = 2.0 * n * n * n / bestT / 1e9;
                out.printf(Locale.ROOT, "matmul %dx%d %s: best %.2f ms, %.1f GFLOP/s%n", n, n, precision.id(),
                        bestT * 1e3, gflops);
                best = Math.max(best, gflops);
            }
        }
        return best;
    }

    static Result benchmark(Size size, Path folder, NDManager root, Device dev, Precision precision, int batch, int seq,
            int warmup, int steps, int newTokens, PrintStream out) throws Exception {
        writeRandomModel(size.config(), folder, 7L);
        double genBest;
        // generation as eval runs it: frozen weights, under bf16 stored in bf16
        try (LoadedModel model = ModelLoader.load(folder, root, dev, precision, false)) {
            genBest = generationSpeed(model, newTokens);
        }
        try (LoadedModel model = ModelLoader.load(folder, root, dev, precision, true)) {
            CausalLm lm = model.model();
            long params = 0;
            for (Parameter p : lm.namedParameters().values()) {
                params += p.getArray().getShape().size();
            }
            out.printf(Locale.ROOT, "%s: hidden %d, %d layers, %d heads, MLP %d: %d parameters%n", size.name(),
                    size.hidden(), size.layers(), size.heads(), size.intermediate(), params);

            // (a) training
            List<NDArray> weights = new ArrayList<>();
            for (Parameter p : lm.namedParameters().values()) {
                p.getArray().setRequiresGradient(true);
                weights.add(p.getArray());
            }
            ParameterStore store = new ParameterStore(model.manager(), false);
            Random rng = new Random(1);
            float lr = 0.05f;
            double first = Double.NaN;
            double last = Double.NaN;
            double measured = 0;
            // a fixed batch: the loss must fall when training works
            long[] tokens = new long[batch * (seq + 1)];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = 3 + rng.nextInt(TinyModelPreset.vocabSize() - 3);
            }
            for (int step = 0; step < warmup + steps; step++) {
                long t0 = System.nanoTime();
                double loss = trainStep(model, store, weights, tokens, batch, seq, lr);
                double t = (System.nanoTime() - t0) / 1e9;
                if (step == 0) {
                    first = loss;
                }
                last = loss;
                if (step >= warmup) {
                    measured += t;
                }
            }
            for (NDArray w : weights) {
                w.setRequiresGradient(false);
            }
            double stepSeconds = measured / steps;
            double tokPerSec = batch * (double) seq / stepSeconds;
            double gflops = 6.0 * params * tokPerSec / 1e9;
            out.printf(Locale.ROOT, "%s: train %.0f tok/s (%.3f s/step, loss %.3f -> %.3f), generate %.1f tok/s%n",
                    size.name(), tokPerSec, stepSeconds, first, last, genBest);
            return new Result(size.name(), params, tokPerSec, stepSeconds, first, last, genBest, gflops);
        }
    }

    /** Best tokens/s of three greedy KV-cached generations (after one warm-up), EOS ignored. */
    static double generationSpeed(LoadedModel model, int newTokens) {
        GenerationOptions g = GenerationOptions.greedy(newTokens).withStopAtEos(false);
        String prompt = "### Question: Evaluate whether the statement is ethical or unethical. Statement: I lied."
                + " The statement is \n ### Answer: ";
        Generator.generate(model, prompt, g); // warm-up
        double best = 0;
        for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            int n = Generator.generate(model, prompt, g).tokens().size();
            best = Math.max(best, n / ((System.nanoTime() - t0) / 1e9));
        }
        return best;
    }

    /** Forward, next-token cross-entropy, backward, SGD update, zeroed gradients; returns the loss. */
    static double trainStep(LoadedModel model, ParameterStore store, List<NDArray> weights, long[] tokens, int batch,
            int seq, float lr) {
        CausalLm lm = model.model();
        double loss;
        try (NDManager m = model.manager().newSubManager()) {
            NDArray all = m.create(tokens).reshape(batch, seq + 1);
            NDArray input = all.get(":, :-1");
            NDArray labels = all.get(":, 1:");
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList outList = lm.forward(store, input, null, null, true);
                NDArray logp = outList.head().logSoftmax(-1);
                NDArray nll = logp.gather(labels.expandDims(-1), -1).neg().mean();
                gc.backward(nll);
                loss = nll.getFloat();
            }
            for (NDArray w : weights) {
                NDArray grad = w.getGradient();
                grad.attach(m);
                w.subi(grad.mul(lr));
                grad.subi(grad); // zero for the next step
            }
        }
        return loss;
    }

    /** A Llama folder with random normal(0, 0.02) weights (norms 1) and the tiny preset's tokenizer. */
    public static Path writeRandomModel(ModelConfig c, Path folder, long seed) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.json"), c.toJson(), StandardCharsets.UTF_8);
        Random rng = new Random(seed);
        Map<String, SafetensorsWriter.F32> tensors = new LinkedHashMap<>();
        ModelLoader.create(c).expectedShapes().forEach((name, shape) -> {
            float[] data = new float[(int) shape.size()];
            if (name.endsWith("norm.weight")) {
                Arrays.fill(data, 1f);
            } else if (!name.endsWith(".bias")) {
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) (rng.nextGaussian() * 0.02);
                }
            }
            tensors.put(name, new SafetensorsWriter.F32(shape.getShape(), data));
        });
        SafetensorsWriter.writeF32(folder.resolve("model.safetensors"), tensors, Map.of("reasonlab", "benchmark"));
        Files.writeString(folder.resolve("tokenizer.json"), TinyModelPreset.tokenizerJson(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("tokenizer_config.json"),
                "{\"add_bos_token\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\", \"unk_token\": \"<unk>\"}\n",
                StandardCharsets.UTF_8);
        return folder;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
