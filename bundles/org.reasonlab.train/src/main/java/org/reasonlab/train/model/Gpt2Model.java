package org.reasonlab.train.model;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * GPT-2 decoder: token + learned position embeddings; per layer LayerNorm, fused-QKV attention
 * (Conv1D weights stored {@code [in, out]}), residual, LayerNorm, GELU (tanh) MLP, residual;
 * final LayerNorm; LM head tied to the token embedding (or a separate {@code lm_head.weight}).
 */
public final class Gpt2Model extends DecoderLm {
    private final HfEmbedding wte;
    private final HfEmbedding wpe;
    private final List<Layer> layers = new ArrayList<>();
    private final HfLayerNorm lnF;
    private final HfLinear lmHead;

    public Gpt2Model(ModelConfig c) {
        super(c);
        if (c.architecture() != Architecture.GPT2) {
            throw new IllegalArgumentException("not a GPT-2 config: " + c.modelType());
        }
        wte = addChildBlock("wte", new HfEmbedding(c.vocabSize(), c.hiddenSize()));
        wpe = addChildBlock("wpe", new HfEmbedding(c.maxPositions(), c.hiddenSize()));
        register("transformer.wte.weight", wte.weight(), wte.weightShape());
        register("transformer.wpe.weight", wpe.weight(), wpe.weightShape());
        for (int i = 0; i < c.numLayers(); i++) {
            Layer l = addChildBlock("h" + i, new Layer(c));
            layers.add(l);
            String p = "transformer.h." + i + ".";
            register(p + "ln_1.weight", l.ln1.weight(), l.ln1.weightShape());
            register(p + "ln_1.bias", l.ln1.bias(), l.ln1.weightShape());
            register(p + "attn.c_attn", l.cAttn);
            register(p + "attn.c_proj", l.attnProj);
            register(p + "ln_2.weight", l.ln2.weight(), l.ln2.weightShape());
            register(p + "ln_2.bias", l.ln2.bias(), l.ln2.weightShape());
            register(p + "mlp.c_fc", l.cFc);
            register(p + "mlp.c_proj", l.mlpProj);
        }
        lnF = addChildBlock("ln_f", new HfLayerNorm(c.hiddenSize(), c.normEps()));
        register("transformer.ln_f.weight", lnF.weight(), lnF.weightShape());
        register("transformer.ln_f.bias", lnF.bias(), lnF.weightShape());
        lmHead = createLmHead();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        Inputs in = parse(inputs);
        NDArray ids = in.ids();
        NDManager m = ids.getManager();
        long s = ids.getShape().get(1);
        long past = in.pastLength();
        long[] padding = leftPadding(params);
        if (padding == null && past + s > config.maxPositions()) {
            throw new IllegalArgumentException("sequence of " + (past + s) + " tokens exceeds GPT-2's n_positions "
                    + config.maxPositions());
        }
        NDArray bias = Ops.causalBias(m, s, past, in.mask());
        NDArray positions = padding == null ? m.arange(past, past + s, 1, DataType.INT64).reshape(1, s)
                : paddedPositions(m, past, s, padding);
        NDArray x = wte.forward(ps, new NDList(ids), training).head()
                .add(wpe.forward(ps, new NDList(positions), training).head());
        NDList kv = new NDList();
        for (int i = 0; i < layers.size(); i++) {
            NDList li = new NDList(x, bias);
            if (in.pastKey(i) != null) {
                li.add(in.pastKey(i));
                li.add(in.pastValue(i));
            }
            NDList o = layers.get(i).forward(ps, li, training);
            x = o.get(0);
            kv.add(o.get(1));
            kv.add(o.get(2));
        }
        x = lnF.forward(ps, new NDList(x), training).head();
        NDArray logits = logits(ps, x, lmHead, wte.weight(), training);
        NDList out = new NDList(logits);
        out.addAll(kv);
        return out;
    }

    /**
     * (B, S) positions of left-padded rows. A row that is done in a batched generation may be fed on
     * past the context; its positions are clamped (its outputs are not used).
     */
    private NDArray paddedPositions(NDManager m, long past, long s, long[] padding) {
        long[] pos = new long[(int) (padding.length * s)];
        for (int b = 0; b < padding.length; b++) {
            for (int i = 0; i < s; i++) {
                pos[(int) (b * s + i)] = Math.min(config.maxPositions() - 1, position(past, i, padding, b));
            }
        }
        return m.create(pos, new Shape(padding.length, s));
    }

    /** One GPT-2 block: inputs [x, bias, (pastK, pastV)] to [x, k, v]. */
    static final class Layer extends CompositeBlock {
        final HfLayerNorm ln1;
        final HfLinear cAttn;
        final HfLinear attnProj;
        final HfLayerNorm ln2;
        final HfLinear cFc;
        final HfLinear mlpProj;
        final int heads;
        final int headDim;

        Layer(ModelConfig c) {
            heads = c.numHeads();
            headDim = c.headDim();
            long d = c.hiddenSize();
            ln1 = addChildBlock("ln_1", new HfLayerNorm(d, c.normEps()));
            cAttn = addChildBlock("c_attn", new HfLinear(d, 3 * d, true, true));
            attnProj = addChildBlock("attn_c_proj", new HfLinear(d, d, true, true));
            ln2 = addChildBlock("ln_2", new HfLayerNorm(d, c.normEps()));
            cFc = addChildBlock("c_fc", new HfLinear(d, c.intermediateSize(), true, true));
            mlpProj = addChildBlock("mlp_c_proj", new HfLinear(c.intermediateSize(), d, true, true));
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
            NDArray x = in.get(0);
            NDArray bias = in.get(1);
            long b = x.getShape().get(0);
            long s = x.getShape().get(1);
            long d = (long) heads * headDim;
            NDArray h = ln1.forward(ps, new NDList(x), training).head();
            NDList qkv = cAttn.forward(ps, new NDList(h), training).head().split(3, 2);
            NDArray q = qkv.get(0).reshape(b, s, heads, headDim).transpose(0, 2, 1, 3);
            NDArray k = qkv.get(1).reshape(b, s, heads, headDim).transpose(0, 2, 1, 3);
            NDArray v = qkv.get(2).reshape(b, s, heads, headDim).transpose(0, 2, 1, 3);
            if (in.size() > 2) {
                k = Ops.own(in.get(2).concat(k, 2), x);
                v = Ops.own(in.get(3).concat(v, 2), x);
            }
            NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul((float) (1.0 / Math.sqrt(headDim))).add(bias);
            NDArray y = scores.softmax(3).matMul(v).transpose(0, 2, 1, 3).reshape(b, s, d);
            x = x.add(attnProj.forward(ps, new NDList(y), training).head());
            NDArray f = Ops.geluTanh(cFc.forward(ps, new NDList(ln2.forward(ps, new NDList(x), training).head()), training).head());
            x = x.add(mlpProj.forward(ps, new NDList(f), training).head());
            return new NDList(x, k, v);
        }
    }
}
