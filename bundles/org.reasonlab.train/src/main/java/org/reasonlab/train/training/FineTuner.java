package org.reasonlab.train.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.reasonlab.core.prompt.TrainingExample;
import org.reasonlab.core.run.CheckpointEvent;
import org.reasonlab.core.run.ErrorEvent;
import org.reasonlab.core.run.FinishedEvent;
import org.reasonlab.core.run.MessageEvent;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunEnvironment;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.core.run.StartedEvent;
import org.reasonlab.core.run.StepEvent;
import org.reasonlab.core.training.TrainingItem;
import org.reasonlab.train.lora.LoraConfig;
import org.reasonlab.train.lora.LoraModel;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.Precision;

/**
 * The training loop: masked next-token cross-entropy (mean over the loss tokens of an optimizer
 * step), gradient accumulation, global-norm clipping, {@link AdamW}, {@link LrSchedule}, checkpoints
 * and exact resume. LoRA ({@code tuning = lora}) trains only the adapters, the base weights stay
 * bit-identical; {@code full} trains every parameter. The model's {@link Precision} decides the
 * matrix products' format; the trained arrays, their gradients, the optimizer state and the loss are
 * float32 either way.
 *
 * <p>Determinism: the data order depends on (seed, epoch), DJL's RNG (dropout) is re-seeded with
 * {@code seed + step} before every optimizer step, and the optimizer state is checkpointed in
 * full, so a resumed run continues the uninterrupted run's loss curve.
 */
public final class FineTuner implements AutoCloseable {
    private final RunSpec spec;
    private final LoadedModel model;
    private final RunDirectory run;
    private final EventSink sink;
    private final TrainingData data;
    private final LoraModel lora;
    private final Map<String, NDArray> trainable;
    private final AdamW optimizer;
    private final int accumulation;
    private final int stepsPerEpoch;
    private final long totalSteps;
    private final LrSchedule schedule;
    private volatile boolean stopRequested;
    private volatile long stopAfter = Long.MAX_VALUE;
    private final Object done = new Object();
    private boolean finished = true;

    /**
     * Prepares a run: tokenises, attaches LoRA (or unfreezes everything), creates the optimizer.
     *
     * @throws IllegalArgumentException when there is nothing to train on or the spec is unusable
     */
    public FineTuner(RunSpec spec, LoadedModel model, List<TrainingExample> examples, RunDirectory run, EventSink sink) {
        this(spec, model, TrainingItem.plain(examples), null, run, sink);
    }

    /**
     * A run over composed items (mixture sources, mitigations, counterfactual variants).
     *
     * @param labels the label continuations of the consistency term ({@link RunSpec#consistencyWeight()}); null
     *        when it is off
     */
    public FineTuner(RunSpec spec, LoadedModel model, List<TrainingItem> examples, LabelContinuations labels,
            RunDirectory run, EventSink sink) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        if (!RunSpec.TUNING_LORA.equals(spec.tuning()) && model.bf16Weights()) {
            throw new IllegalArgumentException("full fine-tuning needs float32 master weights, but the model's weights"
                    + " are stored in bf16; load it with trainBase = true");
        }
        this.spec = spec;
        this.model = model;
        this.run = run;
        this.sink = sink;
        List<Integer> eos = model.config().eosTokenIds();
        int maxLen = Math.min(spec.maxSequenceLength(), model.config().maxPositions());
        if (spec.consistencyWeight() > 0 && labels == null) {
            throw new IllegalArgumentException("consistencyWeight " + spec.consistencyWeight()
                    + " needs the label continuations");
        }
        data = TrainingData.tokenize(examples, model.tokenizer(), eos.isEmpty() ? null : eos.get(0), maxLen,
                spec.lossOnPrompt(), spec.batchSize(), spec.seed(), spec.consistencyWeight() > 0 ? labels : null);
        accumulation = spec.gradientAccumulation();
        stepsPerEpoch = (data.batchesPerEpoch() + accumulation - 1) / accumulation;
        long planned = (long) stepsPerEpoch * spec.epochs();
        totalSteps = spec.maxSteps() == null ? planned : Math.min(planned, spec.maxSteps());
        schedule = new LrSchedule(spec.schedule(), spec.learningRate(), spec.warmupStepsOf(totalSteps), totalSteps);
        if (RunSpec.TUNING_LORA.equals(spec.tuning())) {
            lora = LoraModel.attach(model.model(), new LoraConfig(spec.loraR(), spec.loraAlpha(), spec.loraDropout(),
                    spec.loraTargetModules()), model.manager(), spec.seed());
            trainable = lora.trainable();
        } else {
            lora = null;
            trainable = new LinkedHashMap<>();
            for (Map.Entry<String, Parameter> e : model.model().namedParameters().entrySet()) {
                e.getValue().freeze(false);
                NDArray a = e.getValue().getArray();
                a.setRequiresGradient(true);
                trainable.put(e.getKey(), a);
            }
        }
        optimizer = new AdamW(model.manager(), trainable, spec.weightDecay());
    }

    public TrainingData data() {
        return data;
    }

    /** The LoRA adapters, or null in full fine-tuning. */
    public LoraModel lora() {
        return lora;
    }

    /** Trainable arrays by checkpoint name. */
    public Map<String, NDArray> trainable() {
        return trainable;
    }

    public long totalSteps() {
        return totalSteps;
    }

    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** Asks the loop to stop after the current step and write a checkpoint (SIGTERM, a Stop button). */
    public void requestStop() {
        stopRequested = true;
    }

    /** Stops (like {@link #requestStop}) once {@code step} steps are done: simulates an interruption in tests. */
    public void stopAfter(long step) {
        stopAfter = step;
    }

    /** Waits until a running {@link #train} has returned (for a shutdown hook); false on timeout. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (done) {
            while (!finished) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                done.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /**
     * Trains to the end (or until stopped); with {@code resume}, first loads the newest checkpoint.
     * Writes {@code environment.json} (java, DJL, engine, device, seed), then emits started, step,
     * checkpoint, message, error and finished events. Never throws for training failures: they end
     * as status failed with an error event.
     */
    public TrainResult train(boolean resume) {
        synchronized (done) {
            finished = false;
        }
        Instant start = Instant.now();
        List<Double> losses = new ArrayList<>();
        long step = 0;
        long firstStep = 1;
        long tokensTotal = 0;
        double seconds = 0;
        try {
            Device device = model.device();
            RunEnvironment env = environment(device, spec.seed(), model.precision());
            Files.createDirectories(run.root());
            run.writeEnvironment(env);
            sink.emit(new StartedEvent(Instant.now(), spec.runId(), spec.mode() == null ? null : spec.mode().id(),
                    spec.model(), spec.tuning(), data.size(), null, (int) Math.min(Integer.MAX_VALUE, totalSteps), env));
            if (data.truncatedPrompts() > 0 || data.truncatedAnswers() > 0) {
                sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.WARNING, data.truncatedPrompts()
                        + " prompt(s) shortened from the left and " + data.truncatedAnswers()
                        + " answer(s) cut to fit maxSequenceLength " + spec.maxSequenceLength()));
            }
            if (resume) {
                step = restore();
                firstStep = step + 1;
            }
            zeroGradients();
            long lastGood = step;
            while (step < totalSteps) {
                if (stopRequested || step >= stopAfter) {
                    checkpoint(step);
                    return finish(start, RunStatus.CANCELLED, step, losses, firstStep, null, tokensTotal, seconds);
                }
                long t = step + 1;
                int epoch = (int) ((t - 1) / stepsPerEpoch);
                int stepInEpoch = (int) ((t - 1) % stepsPerEpoch);
                List<int[]> batches = data.epochBatches(epoch);
                List<int[]> micro = batches.subList(stepInEpoch * accumulation,
                        Math.min(batches.size(), (stepInEpoch + 1) * accumulation));
                long lossTokens = 0;
                long tokens = 0;
                int pairs = 0;
                for (int[] b : micro) {
                    for (int i : b) {
                        TokenizedExample e = data.examples().get(i);
                        lossTokens += e.lossTokens();
                        tokens += e.length();
                        pairs += e.pair() >= 0 ? 1 : 0;
                    }
                }
                long t0 = System.nanoTime();
                double lr = schedule.at(t - 1);
                StepOutcome outcome = optimizerStep(t, lr, micro, new StepSize(Math.max(1, lossTokens), pairs), device);
                if (outcome.problem() != null) {
                    return diverged(start, t, outcome.problem(), lastGood, losses, firstStep, tokensTotal, seconds);
                }
                double loss = outcome.loss();
                double dt = (System.nanoTime() - t0) / 1e9;
                tokensTotal += tokens;
                seconds += dt;
                step = t;
                lastGood = t;
                losses.add(loss);
                sink.emit(new StepEvent(Instant.now(), t, epoch + 1, loss, lr, tokens / Math.max(dt, 1e-9),
                        outcome.gradNorm()));
                if (spec.checkpointEvery() > 0 && t % spec.checkpointEvery() == 0 && t < totalSteps) {
                    checkpoint(t);
                }
            }
            checkpoint(step);
            return finish(start, RunStatus.COMPLETED, step, losses, firstStep, null, tokensTotal, seconds);
        } catch (Exception | OutOfMemoryError e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            sink.emit(new ErrorEvent(Instant.now(), "training failed after step " + step + ": " + msg, e.toString()));
            return finish(start, RunStatus.FAILED, step, losses, firstStep, msg, tokensTotal, seconds);
        } finally {
            synchronized (done) {
                finished = true;
                done.notifyAll();
            }
        }
    }

    /**
     * The loss and global gradient norm of an optimizer step, and what was not finite about them
     * ({@code problem}, null when the update was applied).
     */
    private record StepOutcome(double loss, double gradNorm, String problem) {
    }

    /**
     * Optimizer step {@code t}: gradients of the micro-batches, then (when the loss and the gradient
     * norm are finite) clipping and the AdamW update. A non-finite step is recomputed once: the step
     * is deterministic (same batch, same dropout seed, weights untouched), so a real divergence
     * repeats, while a transient numeric fault (seen under CPU preemption and signal delivery in some
     * VMs) does not. The outcome's problem is set when the recomputation was not finite either.
     */
    private StepOutcome optimizerStep(long t, double lr, List<int[]> micro, StepSize size, Device device) {
        for (int attempt = 1; ; attempt++) {
            StepOutcome outcome = attemptStep(t, lr, micro, size, device);
            if (outcome.problem() == null || attempt >= 2) {
                return outcome;
            }
            sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.WARNING, "step " + t + ": "
                    + outcome.problem() + "; recomputing the step once"));
        }
    }

    /** One computation of step {@code t}; the accumulated gradients are zero afterwards either way. */
    private StepOutcome attemptStep(long t, double lr, List<int[]> micro, StepSize size, Device device) {
        Engine.getInstance().setRandomSeed((int) (spec.seed() + t));
        try (NDManager sm = model.manager().newSubManager(device)) {
            double loss = 0;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                for (int[] b : micro) {
                    NDArray l = microBatchLoss(sm, b, size);
                    gc.backward(l);
                    loss += l.getFloat();
                }
            }
            Map<String, NDArray> grads = new LinkedHashMap<>();
            double sq = 0;
            for (Map.Entry<String, NDArray> e : trainable.entrySet()) {
                NDArray g = e.getValue().getGradient();
                g.attach(sm);
                grads.put(e.getKey(), g);
                sq += g.square().sum().getFloat();
            }
            double gradNorm = Math.sqrt(sq);
            String problem = null;
            if (!Double.isFinite(loss)) {
                problem = "loss is " + loss;
            } else if (!Double.isFinite(gradNorm)) {
                problem = "gradient norm is " + gradNorm;
            }
            if (problem == null) {
                update(t, lr, grads, gradNorm, sm);
            }
            for (NDArray g : grads.values()) {
                // zero the accumulated .grad in place (the handle shares its storage); a
                // non-finite one with a fill, as g - g would stay NaN
                if (problem == null) {
                    g.subi(g);
                } else {
                    g.set(new float[Math.toIntExact(g.size())]);
                }
            }
            return new StepOutcome(loss, gradNorm, problem);
        }
    }

    /** The AdamW update with the gradients, scaled down to the clipping norm when their norm exceeds it. */
    private void update(long t, double lr, Map<String, NDArray> grads, double gradNorm, NDManager sm) {
        double clip = spec.gradientClipping();
        if (clip > 0 && gradNorm > clip) {
            float f = (float) (clip / (gradNorm + 1e-6));
            Map<String, NDArray> scaled = new LinkedHashMap<>();
            grads.forEach((k, g) -> scaled.put(k, g.mul(f)));
            optimizer.step(t, lr, trainable, scaled, sm);
        } else {
            optimizer.step(t, lr, trainable, grads, sm);
        }
    }

    private TrainResult diverged(Instant start, long t, String what, long lastGood, List<Double> losses, long firstStep,
            long tokens, double seconds) {
        String msg = "training diverged at step " + t + ": " + what + "; stopped. The last good checkpoint is "
                + (lastGood > 0 ? "checkpoints/step-" + lastGood + " (if one was written)" : "none")
                + "; try a lower learning rate or gradient clipping";
        sink.emit(new ErrorEvent(Instant.now(), msg, null));
        return finish(start, RunStatus.FAILED, lastGood, losses, firstStep, msg, tokens, seconds);
    }

    private TrainResult finish(Instant start, RunStatus status, long step, List<Double> losses, long firstStep, String error,
            long tokens, double seconds) {
        double duration = Duration.between(start, Instant.now()).toNanos() / 1e9;
        sink.emit(new FinishedEvent(Instant.now(), status, duration));
        return new TrainResult(status, step, losses, firstStep, error, seconds > 0 ? tokens / seconds : 0);
    }

    /** What an optimizer step's loss is divided by: its loss tokens, and its counterfactual pairs for the consistency term. */
    private record StepSize(long lossTokens, int pairs) {
    }

    /**
     * Sum over the batch's loss tokens of -log p(token) times the example's loss weight, divided by the step's
     * loss-token count; plus, with a consistency weight, that weight times the batch's consistency term divided by the
     * step's pair count ({@link #consistencyLoss}).
     */
    private NDArray microBatchLoss(NDManager sm, int[] batch, StepSize size) {
        NDArray nll = tokenLoss(sm, batch, size.lossTokens());
        if (size.pairs() == 0 || spec.consistencyWeight() <= 0) {
            return nll;
        }
        List<CounterfactualPair> pairs = new ArrayList<>();
        for (int i : batch) {
            int pair = data.examples().get(i).pair();
            if (pair >= 0) {
                pairs.add(data.pairs().get(pair));
            }
        }
        if (pairs.isEmpty()) {
            return nll;
        }
        return nll.add(consistencyLoss(sm, pairs).mul((float) (spec.consistencyWeight() / size.pairs())));
    }

    /**
     * Sum over the pairs of the symmetric KL divergence between the label distribution of the original prompt and
     * that of each variant, averaged over a pair's variants. A prompt's label distribution is the softmax over the
     * labels of the summed log-likelihoods of their continuation tokens (the evaluator's likelihood label, made
     * differentiable); KL(p||q) + KL(q||p) = sum over labels of (p - q)(log p - log q).
     */
    private NDArray consistencyLoss(NDManager sm, List<CounterfactualPair> pairs) {
        int rows = 0;
        int len = 0;
        for (CounterfactualPair p : pairs) {
            rows += p.sequences().length;
            for (long[] seq : p.sequences()) {
                len = Math.max(len, seq.length);
            }
        }
        long[] ids = new long[rows * len];
        long[] mask = new long[rows * len];
        long[] targets = new long[rows * (len - 1)];
        float[] weights = new float[rows * (len - 1)];
        int r = 0;
        for (CounterfactualPair p : pairs) {
            for (int q = 0; q < p.sequences().length; q++, r++) {
                long[] x = p.sequences()[q];
                for (int j = 0; j < x.length; j++) {
                    ids[r * len + j] = x[j];
                    mask[r * len + j] = 1;
                }
                for (int j = 0; j + 1 < x.length; j++) {
                    targets[r * (len - 1) + j] = x[j + 1];
                    weights[r * (len - 1) + j] = j + 1 >= p.starts()[q] ? 1f : 0f;
                }
            }
        }
        NDArray logits = model.model().forward(new ParameterStore(sm, false), sm.create(ids, new Shape(rows, len)),
                sm.create(mask, new Shape(rows, len)), null, true).head();
        NDArray lp = logits.get(":, 0:" + (len - 1) + ", :").logSoftmax(2);
        NDArray scores = lp.gather(sm.create(targets, new Shape(rows, len - 1, 1)), 2).reshape(rows, len - 1)
                .mul(sm.create(weights, new Shape(rows, len - 1))).sum(new int[] {1});
        NDArray total = null;
        int from = 0;
        for (CounterfactualPair p : pairs) {
            int n = p.sequences().length;
            NDArray logDist = scores.get(from + ":" + (from + n)).reshape(1 + p.variants(), p.labels()).logSoftmax(1);
            NDArray dist = logDist.exp();
            NDArray original = dist.get("0:1");
            NDArray originalLog = logDist.get("0:1");
            NDArray kl = original.sub(dist.get("1:")).mul(originalLog.sub(logDist.get("1:"))).sum()
                    .div((float) p.variants());
            total = total == null ? kl : total.add(kl);
            from += n;
        }
        return total;
    }

    /** The consistency term's divergence for one pair of {@link TrainingData#pairs()}, with the current weights. */
    double consistencyOf(int pair) {
        try (NDManager sm = model.manager().newSubManager(model.device())) {
            return consistencyLoss(sm, List.of(data.pairs().get(pair))).getFloat();
        }
    }

    /** Sum over the batch's loss tokens of -log p(token) times the example's loss weight, over the step's loss tokens. */
    private NDArray tokenLoss(NDManager sm, int[] batch, long stepLossTokens) {
        int b = batch.length;
        int len = 0;
        for (int i : batch) {
            len = Math.max(len, data.examples().get(i).length());
        }
        long[] ids = new long[b * len];
        long[] mask = new long[b * len];
        long[] targets = new long[b * (len - 1)];
        float[] weights = new float[b * (len - 1)];
        for (int r = 0; r < b; r++) {
            TokenizedExample e = data.examples().get(batch[r]);
            long[] x = e.ids();
            for (int j = 0; j < x.length; j++) {
                ids[r * len + j] = x[j];
                mask[r * len + j] = 1;
            }
            for (int j = 0; j + 1 < len; j++) {
                if (j + 1 < x.length) {
                    targets[r * (len - 1) + j] = x[j + 1];
                    weights[r * (len - 1) + j] = e.inLoss(j + 1) ? e.lossWeight() : 0f;
                }
            }
        }
        NDArray idArr = sm.create(ids, new Shape(b, len));
        NDArray maskArr = sm.create(mask, new Shape(b, len));
        NDArray tgt = sm.create(targets, new Shape(b, len - 1, 1));
        NDArray w = sm.create(weights, new Shape(b, len - 1));
        NDArray logits = model.model().forward(new ParameterStore(sm, false), idArr, maskArr, null, true).head();
        NDArray lp = logits.get(":, 0:" + (len - 1) + ", :").logSoftmax(2);
        NDArray picked = lp.gather(tgt, 2).reshape(b, len - 1);
        return picked.mul(w).sum().neg().div((float) stepLossTokens);
    }

    private void zeroGradients() {
        try (NDManager sm = model.manager().newSubManager()) {
            for (NDArray a : trainable.values()) {
                NDArray g = a.getGradient();
                g.attach(sm);
                g.subi(g);
            }
        }
    }

    private long restore() throws IOException {
        Path cp = Checkpoints.latest(run);
        if (cp == null) {
            sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.INFO, "no checkpoint to resume from; starting at step 0"));
            return 0;
        }
        Checkpoints.State st = Checkpoints.readState(cp);
        if (!st.tuning().equals(spec.tuning())) {
            throw new IOException(cp + " is a " + st.tuning() + " checkpoint, the run is " + spec.tuning());
        }
        try (NDManager tmp = model.manager().newSubManager()) {
            Map<String, NDArray> w = Checkpoints.readTensors(cp.resolve(Checkpoints.WEIGHTS), tmp);
            for (Map.Entry<String, NDArray> e : trainable.entrySet()) {
                NDArray s = w.get(e.getKey());
                if (s == null || !s.getShape().equals(e.getValue().getShape())) {
                    throw new IOException(cp + " lacks " + e.getKey() + " or has another shape");
                }
                e.getValue().set(s.toType(DataType.FLOAT32, false).toByteBuffer());
            }
            optimizer.load(Checkpoints.readTensors(cp.resolve(Checkpoints.OPTIMIZER), tmp));
        }
        sink.emit(new MessageEvent(Instant.now(), MessageEvent.Level.INFO, "resumed from "
                + RunDirectory.checkpointPath(st.step()) + " (step " + st.step() + " of " + totalSteps + ")"));
        return st.step();
    }

    private void checkpoint(long step) throws IOException {
        if (step <= 0) {
            return;
        }
        int epoch = (int) (step / stepsPerEpoch);
        int batch = (int) (step % stepsPerEpoch) * accumulation;
        Checkpoints.write(run, new Checkpoints.State(step, epoch, batch, spec.seed(), totalSteps, spec.tuning()),
                trainable, optimizer.state());
        sink.emit(new CheckpointEvent(Instant.now(), step, RunDirectory.checkpointPath(step)));
    }

    static RunEnvironment environment(Device device, long seed, Precision precision) {
        Engine e = Engine.getInstance();
        return new RunEnvironment(System.getProperty("java.version"), Engine.getDjlVersion(),
                e.getEngineName() + " " + e.getVersion(), device.toString(), seed, precision.id());
    }

    /** Removes the LoRA hooks and frees the optimizer state (the model stays open). */
    @Override
    public void close() {
        optimizer.close();
        if (lora != null) {
            lora.close();
        }
    }
}
