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
import org.reasonlab.train.generate.KvCache;
import org.reasonlab.train.generate.Generator;
import org.reasonlab.train.model.AnswerTokens;
import org.reasonlab.train.model.CausalLm;
import org.reasonlab.train.model.InferenceForward;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.PromptFit;

/**
 * An {@link AnswerSource} backed by a loaded causal LM: {@link Generator#generate} (KV cached) for
 * answers and one teacher-forced forward pass per continuation for likelihoods.
 *
 * <p>Likelihoods score each continuation with the ids training feeds for that answer
 * ({@link AnswerTokens}: the prompt without its trailing whitespace as context, then the ids of
 * prompt + continuation as one text beyond it), with the EOS training appends when the
 * continuation is the whole answer.
 *
 * <p>Prompts that do not fit are cut as in training ({@link PromptFit}: from the left, BOS kept):
 * for generation within {@code options.maxSequenceLength()} less {@code maxNewTokens}, for scoring
 * within it less the longest continuation and its EOS, so every continuation sees the same context,
 * the one training kept for that answer.
 */
public final class ModelAnswerSource implements AnswerSource {
    private final LoadedModel model;
    private final GenerationOptions options;
    private final boolean reference;
    private int truncatedPrompts;

    public ModelAnswerSource(LoadedModel model, GenerationOptions options) {
        this(model, options, false);
    }

    private ModelAnswerSource(LoadedModel model, GenerationOptions options, boolean reference) {
        this.model = Objects.requireNonNull(model, "model");
        this.options = Objects.requireNonNull(options, "options");
        this.reference = reference;
    }

    /** The same source running the model's block forward ({@link CausalLm#reference()}), for comparisons. */
    public ModelAnswerSource withReferenceForward() {
        return new ModelAnswerSource(model, options, true);
    }

    private InferenceForward forward() {
        return reference ? model.model().reference() : model.model().inference();
    }

    public GenerationOptions options() {
        return options;
    }

    /** Prompts that lost tokens to fit, in generation or scoring, so far. */
    public int truncatedPrompts() {
        return truncatedPrompts;
    }

    @Override
    public GeneratedAnswer generate(String prompt) {
        GenerationResult r;
        try (InferenceForward forward = forward()) {
            r = Generator.generate(model, forward, prompt, options);
        }
        if (r.promptTokensDropped() > 0) {
            truncatedPrompts++;
        }
        return new GeneratedAnswer(r.text(), r.truncated());
    }

    /** Generates for all prompts in one batch ({@link BatchGenerator}: the answers {@link #generate} gives). */
    @Override
    public List<GeneratedAnswer> generateAll(List<String> prompts) {
        if (prompts.size() == 1) {
            return List.of(generate(prompts.get(0)));
        }
        List<GeneratedAnswer> texts = new ArrayList<>(prompts.size());
        List<GenerationResult> results;
        try (InferenceForward forward = forward()) {
            results = BatchGenerator.generate(model, forward, prompts, options);
        }
        for (GenerationResult r : results) {
            if (r.promptTokensDropped() > 0) {
                truncatedPrompts++;
            }
            texts.add(new GeneratedAnswer(r.text(), r.truncated()));
        }
        return texts;
    }

    @Override
    public boolean scoresContinuations() {
        return true;
    }

    @Override
    public double[] logLikelihoods(String prompt, List<String> continuations, boolean wholeAnswers) {
        AnswerTokens.Example[] scored = scoredExamples(prompt, continuations, wholeAnswers);
        if (scored.length > 0 && sharesContext(scored)) {
            return scoreFromSharedContext(scored);
        }
        double[] out = new double[scored.length];
        for (int i = 0; i < scored.length; i++) {
            // the first scored token needs a token before it
            out[i] = score(scored[i].ids(), Math.max(1, scored[i].prompt().length));
        }
        return out;
    }

    /**
     * What {@link #logLikelihoods} scores for each continuation: the prompt ids training keeps for it
     * and the answer ids training feeds ({@link AnswerTokens}; with EOS for whole answers). Counts a
     * prompt that had to be cut.
     */
    AnswerTokens.Example[] scoredExamples(String prompt, List<String> continuations, boolean wholeAnswers) {
        AnswerTokens tokens = new AnswerTokens(model.tokenizer());
        List<Integer> eosIds = model.config().eosTokenIds();
        boolean appendEos = wholeAnswers && !eosIds.isEmpty();
        AnswerTokens.Example[] examples = new AnswerTokens.Example[continuations.size()];
        int longest = 0;
        for (int i = 0; i < examples.length; i++) {
            examples[i] = tokens.split(prompt, continuations.get(i)).withEnd(appendEos ? eosIds.get(0) : null);
            longest = Math.max(longest, examples[i].answer().length);
        }
        // room as training leaves it for that answer: its tokens plus the EOS training appends
        int eos = appendEos || eosIds.isEmpty() ? 0 : 1;
        int budget = PromptFit.budget(options.maxSequenceLength(), model.config().maxPositions(), longest + eos);
        Integer bos = model.tokenizer().bosId();
        boolean cut = false;
        for (int i = 0; i < examples.length; i++) {
            long[] given = examples[i].prompt();
            long[] context = PromptFit.left(given, budget, bos);
            cut |= context.length < given.length;
            examples[i] = new AnswerTokens.Example(context, examples[i].answer());
        }
        if (cut) {
            truncatedPrompts++;
        }
        return examples;
    }

    /** Whether all continuations follow the same context ids, and each fits the context window after it. */
    private boolean sharesContext(AnswerTokens.Example[] scored) {
        long[] context = scored[0].prompt();
        int max = model.model().config().maxPositions();
        for (AnswerTokens.Example e : scored) {
            if (!Arrays.equals(e.prompt(), context) || context.length + e.answer().length > max) {
                return false;
            }
        }
        return context.length > 0;
    }

    /**
     * The scores {@link #score} gives each continuation, with the shared context run once: its keys
     * and values stay in a cache that each continuation extends and the next one rewinds.
     */
    private double[] scoreFromSharedContext(AnswerTokens.Example[] scored) {
        CausalLm lm = model.model();
        long[] context = scored[0].prompt();
        int longest = 0;
        for (AnswerTokens.Example e : scored) {
            longest = Math.max(longest, e.answer().length);
        }
        double[] out = new double[scored.length];
        try (NDManager m = model.manager().newSubManager(); InferenceForward forward = forward();
                KvCache cache = new KvCache(m, lm.config().numLayers(), null, context.length + longest)) {
            // the context's last position predicts every answer's first token
            float[] first = logSoftmax(forward.logits(m.create(context).reshape(1, context.length), null, cache, true));
            int vocab = first.length;
            for (int i = 0; i < scored.length; i++) {
                long[] answer = scored[i].answer();
                if (answer.length == 0) {
                    continue;
                }
                cache.rewind(context.length);
                double sum = first[(int) answer[0]];
                if (answer.length > 1) {
                    NDArray fed = m.create(Arrays.copyOf(answer, answer.length - 1)).reshape(1, answer.length - 1);
                    float[] logp = logSoftmax(forward.logits(fed, null, cache, false));
                    for (int t = 1; t < answer.length; t++) {
                        sum += logp[(t - 1) * vocab + (int) answer[t]];
                    }
                }
                out[i] = sum;
            }
        }
        return out;
    }

    private static float[] logSoftmax(NDArray logits) {
        return logits.toType(DataType.FLOAT32, false).logSoftmax(-1).toFloatArray();
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
        try (NDManager m = model.manager().newSubManager(); InferenceForward forward = forward()) {
            NDArray input = m.create(window).reshape(1, window.length);
            NDArray logits = forward.logits(input, null, null, false);
            // logits at position t predict token t + 1
            NDArray rows = logits.get(new NDIndex("0, {}:{}", first - 1, window.length - 1));
            float[] logp = logSoftmax(rows);
            int vocab = (int) rows.getShape().get(1);
            double sum = 0;
            for (int t = first; t < window.length; t++) {
                sum += logp[(t - first) * vocab + (int) window[t]];
            }
            return sum;
        }
    }
}
