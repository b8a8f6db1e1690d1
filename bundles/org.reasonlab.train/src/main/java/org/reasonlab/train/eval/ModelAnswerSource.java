package org.reasonlab.train.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import org.reasonlab.train.generate.BatchGenerator;
import org.reasonlab.train.generate.GenerationOptions;
import org.reasonlab.train.generate.GenerationResult;
import org.reasonlab.train.generate.Generator;
import org.reasonlab.train.model.CausalLm;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelTokenizer;
import org.reasonlab.train.model.PromptFit;

/**
 * An {@link AnswerSource} backed by a loaded causal LM: {@link Generator#generate} (KV cached) for
 * answers and one teacher-forced forward pass per continuation for likelihoods.
 *
 * <p>Likelihoods tokenize prompt + continuation together (as the model would see the text), then
 * score every token after the longest token prefix shared by the prompt alone and all the
 * prompt + continuation sequences. So every continuation is scored from the same context, even
 * when a tokenizer merges the prompt's trailing space into the continuation's first token
 * (SentencePiece).
 *
 * <p>Prompts that do not fit are cut as in training ({@link PromptFit}: from the left, BOS kept):
 * for generation within {@code options.maxSequenceLength()} less {@code maxNewTokens}, for scoring
 * within it less the longest continuation and its EOS, so every continuation sees the same context,
 * the one training kept for that answer.
 */
public final class ModelAnswerSource implements AnswerSource {
    private final LoadedModel model;
    private final GenerationOptions options;
    private int truncatedPrompts;

    public ModelAnswerSource(LoadedModel model, GenerationOptions options) {
        this.model = Objects.requireNonNull(model, "model");
        this.options = Objects.requireNonNull(options, "options");
    }

    public GenerationOptions options() {
        return options;
    }

    /** Prompts that lost tokens to fit, in generation or scoring, so far. */
    public int truncatedPrompts() {
        return truncatedPrompts;
    }

    @Override
    public String generate(String prompt) {
        GenerationResult r = Generator.generate(model, prompt, options);
        if (r.promptTokensDropped() > 0) {
            truncatedPrompts++;
        }
        return r.text();
    }

    /** Generates for all prompts in one batch ({@link BatchGenerator}: the answers {@link #generate} gives). */
    @Override
    public List<String> generateAll(List<String> prompts) {
        if (prompts.size() == 1) {
            return List.of(generate(prompts.get(0)));
        }
        List<String> texts = new ArrayList<>(prompts.size());
        for (GenerationResult r : BatchGenerator.generate(model, prompts, options)) {
            if (r.promptTokensDropped() > 0) {
                truncatedPrompts++;
            }
            texts.add(r.text());
        }
        return texts;
    }

    @Override
    public boolean scoresContinuations() {
        return true;
    }

    @Override
    public double[] logLikelihoods(String prompt, List<String> continuations) {
        ModelTokenizer tok = model.tokenizer();
        long[] promptIds = tok.encode(prompt);
        long[][] full = new long[continuations.size()][];
        int shared = promptIds.length;
        for (int i = 0; i < full.length; i++) {
            full[i] = tok.encode(prompt + continuations.get(i));
            shared = Math.min(shared, commonPrefix(promptIds, full[i]));
        }
        // the first scored token needs a token before it
        shared = Math.max(shared, 1);
        int longest = 0;
        for (long[] f : full) {
            longest = Math.max(longest, f.length - shared);
        }
        // room as training leaves it for that answer: its tokens plus the EOS training appends
        int eos = model.config().eosTokenIds().isEmpty() ? 0 : 1;
        int budget = PromptFit.budget(options.maxSequenceLength(), model.config().maxPositions(), longest + eos);
        Integer bos = tok.bosId();
        double[] out = new double[full.length];
        boolean cut = false;
        for (int i = 0; i < full.length; i++) {
            long[] context = PromptFit.left(Arrays.copyOf(full[i], shared), budget, bos);
            cut |= context.length < shared;
            long[] ids = Arrays.copyOf(context, context.length + full[i].length - shared);
            System.arraycopy(full[i], shared, ids, context.length, full[i].length - shared);
            out[i] = score(ids, context.length);
        }
        if (cut) {
            truncatedPrompts++;
        }
        return out;
    }

    /** Sum of log p(ids[t] | ids[..t]) for t >= from, in one forward pass. */
    private double score(long[] ids, int from) {
        if (ids.length <= from) {
            return 0;
        }
        CausalLm lm = model.model();
        int max = lm.config().maxPositions();
        int start = Math.max(0, ids.length - max);
        if (from <= start) {
            // the scored part itself is longer than the context (PromptFit keeps one context token):
            // keep what fits
            from = start + 1;
        }
        long[] window = Arrays.copyOfRange(ids, start, ids.length);
        int first = from - start; // first scored position in the window
        try (NDManager m = model.manager().newSubManager()) {
            NDArray input = m.create(window).reshape(1, window.length);
            NDArray logits = lm.forward(input, null).head();
            // logits at position t predict token t + 1
            NDArray rows = logits.get(new NDIndex("0, {}:{}", first - 1, window.length - 1));
            float[] logp = rows.toType(DataType.FLOAT32, false).logSoftmax(-1).toFloatArray();
            int vocab = (int) rows.getShape().get(1);
            double sum = 0;
            for (int t = first; t < window.length; t++) {
                sum += logp[(t - first) * vocab + (int) window[t]];
            }
            return sum;
        }
    }

    static int commonPrefix(long[] a, long[] b) {
        int n = Math.min(a.length, b.length);
        int i = 0;
        while (i < n && a[i] == b[i]) {
            i++;
        }
        return i;
    }
}
