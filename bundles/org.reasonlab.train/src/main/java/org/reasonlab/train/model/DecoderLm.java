package org.reasonlab.train.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.reasonlab.train.generate.KvCache;

/** Shared plumbing of the decoders: named parameters, cache handling, input convention. */
abstract class DecoderLm extends CompositeBlock implements CausalLm {
    protected final ModelConfig config;
    private final Map<String, Parameter> named = new LinkedHashMap<>();
    private final Map<String, Shape> shapes = new LinkedHashMap<>();
    private final Map<String, HfLinear> linears = new LinkedHashMap<>();
    private volatile Precision precision = Precision.FP32;

    DecoderLm(ModelConfig config) {
        this.config = config;
    }

    protected final void register(String name, Parameter p, Shape shape) {
        named.put(name, p);
        shapes.put(name, shape);
    }

    protected final void register(String prefix, HfLinear l) {
        linears.put(prefix, l);
        register(prefix + ".weight", l.weight(), l.weightShape());
        if (l.bias() != null) {
            register(prefix + ".bias", l.bias(), new Shape(l.outFeatures()));
        }
    }

    /** The LM head named {@code lm_head}, or null when it is tied to the token embedding. */
    protected final HfLinear createLmHead() {
        if (config.tieWordEmbeddings()) {
            return null;
        }
        HfLinear head = addChildBlock("lm_head", new HfLinear(config.hiddenSize(), config.vocabSize(), false, false));
        register("lm_head", head);
        return head;
    }

    /** Logits (B, S, V) from the final hidden states, through the LM head or the tied embedding. */
    protected final NDArray logits(ParameterStore ps, NDArray hidden, HfLinear lmHead, Parameter embedding,
            boolean training) {
        return lmHead == null
                ? Ops.linear(hidden, ps.getValue(embedding, hidden.getDevice(), training), false, precision)
                : lmHead.forward(ps, new NDList(hidden), training).head();
    }

    @Override
    public Map<String, HfLinear> linearModules() {
        return Collections.unmodifiableMap(linears);
    }

    @Override
    public Precision precision() {
        return precision;
    }

    @Override
    public void setPrecision(Precision precision) {
        this.precision = Objects.requireNonNull(precision, "precision");
        for (HfLinear l : linears.values()) {
            l.setPrecision(precision);
        }
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public Block block() {
        return this;
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return Collections.unmodifiableMap(named);
    }

    @Override
    public Map<String, Shape> expectedShapes() {
        return Collections.unmodifiableMap(shapes);
    }

    @Override
    public NDList forward(NDArray inputIds, KvCache cache) {
        return forward(new ParameterStore(inputIds.getManager(), false), inputIds, null, cache, false);
    }

    @Override
    public NDList forward(ParameterStore ps, NDArray inputIds, NDArray attentionMask, KvCache cache, boolean training) {
        int layers = config.numLayers();
        NDList in = new NDList(inputIds);
        if (attentionMask != null) {
            in.add(attentionMask);
        }
        long past = cache == null ? 0 : cache.length();
        if (past > 0) {
            if (cache.layers() != layers) {
                throw new IllegalArgumentException("cache has " + cache.layers() + " layers, model has " + layers);
            }
            for (int i = 0; i < layers; i++) {
                in.add(cache.key(i, inputIds.getManager()));
                in.add(cache.value(i, inputIds.getManager()));
            }
        }
        long[] padding = cache == null ? null : cache.leftPadding();
        PairList<String, Object> params = padding == null ? null
                : new PairList<>(List.of(LEFT_PADDING), List.<Object>of(padding));
        NDList out = forward(ps, in, training, params);
        if (cache != null) {
            NDIndex added = new NDIndex(":, :, {}:", past);
            for (int i = 0; i < layers; i++) {
                cache.append(i, out.get(1 + 2 * i).get(added), out.get(2 + 2 * i).get(added));
            }
        }
        return new NDList(out.get(0));
    }

    /** Block parameter: per batch row, the padding tokens before its sequence ({@code long[]}). */
    static final String LEFT_PADDING = "leftPadding";

    /** The left padding passed with {@link #LEFT_PADDING}, or null. */
    protected static long[] leftPadding(PairList<String, Object> params) {
        return params == null ? null : (long[]) params.get(LEFT_PADDING);
    }

    /**
     * Position of token {@code past + i} of row {@code b}: its index, less the row's left padding
     * (padding tokens themselves get 0).
     */
    protected static long position(long past, int i, long[] leftPadding, int b) {
        return leftPadding == null ? past + i : Math.max(0, past + i - leftPadding[b]);
    }

    /** Parsed block inputs. */
    protected record Inputs(NDArray ids, NDArray mask, NDList past, long pastLength) {
        NDArray pastKey(int layer) {
            return past.isEmpty() ? null : past.get(2 * layer);
        }

        NDArray pastValue(int layer) {
            return past.isEmpty() ? null : past.get(2 * layer + 1);
        }
    }

    protected final Inputs parse(NDList in) {
        NDArray ids = in.get(0);
        if (ids.getShape().dimension() != 2) {
            throw new IllegalArgumentException("input ids must be (batch, seq), got " + ids.getShape());
        }
        int start = in.size() % 2 == 0 ? 2 : 1;
        NDArray mask = start == 2 ? in.get(1) : null;
        NDList past = in.subNDList(start);
        if (!past.isEmpty() && past.size() != 2 * config.numLayers()) {
            throw new IllegalArgumentException("expected " + 2 * config.numLayers() + " past key/value arrays, got " + past.size());
        }
        long pastLen = past.isEmpty() ? 0 : past.get(0).getShape().get(2);
        if (mask != null && mask.getShape().get(1) != pastLen + ids.getShape().get(1)) {
            throw new IllegalArgumentException("attention mask " + mask.getShape() + " must cover past + new tokens ("
                    + (pastLen + ids.getShape().get(1)) + ")");
        }
        return new Inputs(ids, mask, past, pastLen);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), config.vocabSize())};
    }

    @Override
    public void close() {
        for (Parameter p : named.values()) {
            p.close();
        }
    }
}
