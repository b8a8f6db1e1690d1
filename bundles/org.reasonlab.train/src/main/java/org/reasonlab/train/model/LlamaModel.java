package org.reasonlab.train.model;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Llama-family decoder (Llama, Mistral, Qwen2): token embedding; per layer RMSNorm, attention with
 * rotary position embedding (Hugging Face {@code rotate_half} convention) and grouped-query
 * key/value heads, residual, RMSNorm, SwiGLU MLP, residual; final RMSNorm; LM head (tied to the
 * embedding when {@code tie_word_embeddings}).
 */
public final class LlamaModel extends DecoderLm {
    private final HfEmbedding embed;
    private final List<Layer> layers = new ArrayList<>();
    private final RmsNorm norm;
    private final HfLinear lmHead;

    public LlamaModel(ModelConfig c) {
        super(c);
        if (c.architecture() != Architecture.LLAMA) {
            throw new IllegalArgumentException("not a Llama-family config: " + c.modelType());
        }
        embed = addChildBlock("embed_tokens", new HfEmbedding(c.vocabSize(), c.hiddenSize()));
        register("model.embed_tokens.weight", embed.weight(), embed.weightShape());
        for (int i = 0; i < c.numLayers(); i++) {
            Layer l = addChildBlock("layer" + i, new Layer(c));
            layers.add(l);
            String p = "model.layers." + i + ".";
            register(p + "input_layernorm.weight", l.inputNorm.weight(), l.inputNorm.weightShape());
            register(p + "self_attn.q_proj", l.attn.q);
            register(p + "self_attn.k_proj", l.attn.k);
            register(p + "self_attn.v_proj", l.attn.v);
            register(p + "self_attn.o_proj", l.attn.o);
            register(p + "post_attention_layernorm.weight", l.postNorm.weight(), l.postNorm.weightShape());
            register(p + "mlp.gate_proj", l.gate);
            register(p + "mlp.up_proj", l.up);
            register(p + "mlp.down_proj", l.down);
        }
        norm = addChildBlock("norm", new RmsNorm(c.hiddenSize(), c.normEps()));
        register("model.norm.weight", norm.weight(), norm.weightShape());
        lmHead = createLmHead();
    }

    /** A {@link FusedLlama} when this model can be fused, else the block forward. */
    @Override
    public InferenceForward inference() {
        return FusedLlama.supports(this) ? new FusedLlama(this) : reference();
    }

    NDArray embedWeight() {
        return embed.weight().getArray();
    }

    Layer layer(int i) {
        return layers.get(i);
    }

    RmsNorm finalNorm() {
        return norm;
    }

    /** The untied LM head, or null when it is the token embedding. */
    HfLinear lmHead() {
        return lmHead;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        Inputs in = parse(inputs);
        NDArray ids = in.ids();
        NDManager m = ids.getManager();
        long s = ids.getShape().get(1);
        NDArray bias = Ops.causalBias(m, s, in.pastLength(), in.mask());
        NDArray[] rope = rope(m, in.pastLength(), s, ids.getShape().get(0), leftPadding(params));
        NDArray x = embed.forward(ps, new NDList(ids), training).head();
        NDList kv = new NDList();
        for (int i = 0; i < layers.size(); i++) {
            NDList li = new NDList(x, bias, rope[0], rope[1]);
            if (in.pastKey(i) != null) {
                li.add(in.pastKey(i));
                li.add(in.pastValue(i));
            }
            NDList o = layers.get(i).forward(ps, li, training);
            x = o.get(0);
            kv.add(o.get(1));
            kv.add(o.get(2));
        }
        x = norm.forward(ps, new NDList(x), training).head();
        NDArray logits = logits(ps, x, lmHead, embed.weight(), training);
        NDList out = new NDList(logits);
        out.addAll(kv);
        return out;
    }

    /**
     * cos and sin tables ({@link Rope}): (S, headDim) for positions past .. past+S-1, or with left
     * padding (B, 1, S, headDim) with each row's own positions.
     */
    private NDArray[] rope(NDManager m, long past, long s, long batch, long[] leftPadding) {
        Shape shape = leftPadding == null ? new Shape(s, config.headDim()) : new Shape(batch, 1, s, config.headDim());
        return Rope.arrays(m, Rope.tables(config, past, s, batch, leftPadding), shape);
    }

    /** One decoder layer: inputs [x, bias, cos, sin, (pastK, pastV)] to [x, k, v]. */
    static final class Layer extends CompositeBlock {
        final RmsNorm inputNorm;
        final Attention attn;
        final RmsNorm postNorm;
        final HfLinear gate;
        final HfLinear up;
        final HfLinear down;

        Layer(ModelConfig c) {
            inputNorm = addChildBlock("input_layernorm", new RmsNorm(c.hiddenSize(), c.normEps()));
            attn = addChildBlock("self_attn", new Attention(c));
            postNorm = addChildBlock("post_attention_layernorm", new RmsNorm(c.hiddenSize(), c.normEps()));
            gate = addChildBlock("gate_proj", new HfLinear(c.hiddenSize(), c.intermediateSize(), c.mlpBias(), false));
            up = addChildBlock("up_proj", new HfLinear(c.hiddenSize(), c.intermediateSize(), c.mlpBias(), false));
            down = addChildBlock("down_proj", new HfLinear(c.intermediateSize(), c.hiddenSize(), c.mlpBias(), false));
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
            NDArray x = in.get(0);
            NDList a = new NDList(inputNorm.forward(ps, new NDList(x), training).head());
            a.addAll(in.subNDList(1));
            NDList att = attn.forward(ps, a, training);
            x = x.add(att.get(0));
            NDArray h = postNorm.forward(ps, new NDList(x), training).head();
            NDArray g = Ops.silu(gate.forward(ps, new NDList(h), training).head());
            NDArray u = up.forward(ps, new NDList(h), training).head();
            x = x.add(down.forward(ps, new NDList(g.mul(u)), training).head());
            return new NDList(x, att.get(1), att.get(2));
        }
    }

    /** Self attention with RoPE and GQA: inputs [x, bias, cos, sin, (pastK, pastV)] to [y, k, v]. */
    static final class Attention extends CompositeBlock {
        final HfLinear q;
        final HfLinear k;
        final HfLinear v;
        final HfLinear o;
        final int heads;
        final int kvHeads;
        final int headDim;

        Attention(ModelConfig c) {
            heads = c.numHeads();
            kvHeads = c.numKvHeads();
            headDim = c.headDim();
            q = addChildBlock("q_proj", new HfLinear(c.hiddenSize(), (long) heads * headDim, c.qkvBias(), false));
            k = addChildBlock("k_proj", new HfLinear(c.hiddenSize(), (long) kvHeads * headDim, c.qkvBias(), false));
            v = addChildBlock("v_proj", new HfLinear(c.hiddenSize(), (long) kvHeads * headDim, c.qkvBias(), false));
            o = addChildBlock("o_proj", new HfLinear((long) heads * headDim, c.hiddenSize(), c.outputBias(), false));
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
            NDArray x = in.get(0);
            NDArray bias = in.get(1);
            NDArray cos = in.get(2);
            NDArray sin = in.get(3);
            long b = x.getShape().get(0);
            long s = x.getShape().get(1);
            NDArray qh = q.forward(ps, new NDList(x), training).head().reshape(b, s, heads, headDim).transpose(0, 2, 1, 3);
            NDArray kh = k.forward(ps, new NDList(x), training).head().reshape(b, s, kvHeads, headDim).transpose(0, 2, 1, 3);
            NDArray vh = v.forward(ps, new NDList(x), training).head().reshape(b, s, kvHeads, headDim).transpose(0, 2, 1, 3);
            qh = applyRope(qh, cos, sin);
            kh = applyRope(kh, cos, sin);
            if (in.size() > 4) {
                kh = Ops.own(in.get(4).concat(kh, 2), x);
                vh = Ops.own(in.get(5).concat(vh, 2), x);
            }
            NDArray kr = repeatKv(kh);
            NDArray vr = repeatKv(vh);
            NDArray scores = qh.matMul(kr.transpose(0, 1, 3, 2)).mul((float) (1.0 / Math.sqrt(headDim))).add(bias);
            NDArray y = scores.softmax(3).matMul(vr).transpose(0, 2, 1, 3).reshape(b, s, (long) heads * headDim);
            return new NDList(o.forward(ps, new NDList(y), training).head(), kh, vh);
        }

        /** x * cos + rotate_half(x) * sin, rotate_half(x) = [-x2, x1] over the halves of head_dim. */
        private static NDArray applyRope(NDArray x, NDArray cos, NDArray sin) {
            NDList halves = x.split(2, 3);
            NDArray rotated = halves.get(1).neg().concat(halves.get(0), 3);
            return x.mul(cos).add(rotated.mul(sin));
        }

        /** (B, kvHeads, T, hd) to (B, heads, T, hd): query head h reads key/value head h / (heads / kvHeads). */
        private NDArray repeatKv(NDArray t) {
            int rep = heads / kvHeads;
            if (rep == 1) {
                return t;
            }
            Shape sh = t.getShape();
            return t.expandDims(2).broadcast(new Shape(sh.get(0), kvHeads, rep, sh.get(2), sh.get(3)))
                    .reshape(sh.get(0), (long) heads, sh.get(2), sh.get(3));
        }
    }
}
