package org.reasonlab.train.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.reasonlab.train.model.AnswerTokens;
import org.reasonlab.train.model.CausalLm;
import org.reasonlab.train.model.InferenceForward;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelTokenizer;
import org.reasonlab.train.model.PromptFit;

/**
 * Autoregressive text generation. {@link #generate} prefills the prompt once and then feeds one
 * token per step through the {@link KvCache}; {@link #generateUncached} recomputes the whole
 * sequence each step (slow; the reference the cache is tested against). {@link BatchGenerator} runs
 * several prompts at once with the same results.
 */
public final class Generator {
    private Generator() {
    }

    public static GenerationResult generate(LoadedModel model, String prompt, GenerationOptions options) {
        return run(model, prompt, options, true);
    }

    public static GenerationResult generateUncached(LoadedModel model, String prompt, GenerationOptions options) {
        return run(model, prompt, options, false);
    }

    /** {@link #generate(LoadedModel, String, GenerationOptions)} through a given forward. */
    public static GenerationResult generate(LoadedModel model, InferenceForward forward, String prompt,
            GenerationOptions options) {
        GenerationResult r = generate(model.model(), forward, model.tokenizer(), model.manager(),
                promptIds(model, prompt), options, true);
        return r.withText(AnswerTokens.afterPrompt(prompt, r.text()));
    }

    private static GenerationResult run(LoadedModel model, String prompt, GenerationOptions options, boolean cached) {
        GenerationResult r = generate(model.model(), model.tokenizer(), model.manager(), promptIds(model, prompt),
                options, cached);
        return r.withText(AnswerTokens.afterPrompt(prompt, r.text()));
    }

    /**
     * The prompt's token ids as training saw them ({@link AnswerTokens#context}: trailing whitespace
     * left to the answer); BOS alone for an empty prompt.
     */
    static long[] promptIds(LoadedModel model, String prompt) {
        long[] ids = new AnswerTokens(model.tokenizer()).context(prompt);
        if (ids.length == 0) {
            Integer bos = model.tokenizer().bosId();
            if (bos == null) {
                throw new IllegalArgumentException("empty prompt and the model has no BOS token to start from");
            }
            ids = new long[] {bos};
        }
        return ids;
    }

    /**
     * Generates from prompt token ids (B = 1). A prompt longer than {@link #promptBudget} loses tokens
     * from the left, BOS kept ({@link PromptFit}, as in training).
     */
    public static GenerationResult generate(CausalLm lm, ModelTokenizer tokenizer, NDManager parent, long[] promptIds,
            GenerationOptions options, boolean cached) {
        try (InferenceForward forward = lm.inference()) {
            return generate(lm, forward, tokenizer, parent, promptIds, options, cached);
        }
    }

    /** {@link #generate(CausalLm, ModelTokenizer, NDManager, long[], GenerationOptions, boolean)} through a given forward. */
    public static GenerationResult generate(CausalLm lm, InferenceForward forward, ModelTokenizer tokenizer,
            NDManager parent, long[] promptIds, GenerationOptions options, boolean cached) {
        int maxPos = lm.config().maxPositions();
        int given = promptIds.length;
        promptIds = PromptFit.left(promptIds, promptBudget(lm, options), tokenizer.bosId());
        int dropped = given - promptIds.length;
        List<Integer> eos = options.stopAtEos() ? lm.config().eosTokenIds() : List.of();
        Sampler sampler = new Sampler(options);
        String promptText = tokenizer.decode(promptIds);
        List<Integer> out = new ArrayList<>();
        long[] all = Arrays.copyOf(promptIds, promptIds.length + options.maxNewTokens());
        int len = promptIds.length;
        String text = "";
        String reason = GenerationResult.MAX_NEW_TOKENS;
        try (NDManager gen = parent.newSubManager(); KvCache cache = cached
                ? new KvCache(gen, lm.config().numLayers(), null, Math.min(maxPos, len + options.maxNewTokens())) : null) {
            for (int step = 0; step < options.maxNewTokens(); step++) {
                if (len >= maxPos) {
                    reason = GenerationResult.CONTEXT_FULL;
                    break;
                }
                float[] logits;
                try (NDManager m = gen.newSubManager()) {
                    long[] feed = cached && step > 0 ? new long[] {all[len - 1]} : Arrays.copyOf(all, len);
                    NDArray input = m.create(feed).reshape(1, feed.length);
                    logits = forward.logits(input, null, cache, true).toFloatArray();
                }
                int next = sampler.next(logits);
                if (eos.contains(next)) {
                    reason = GenerationResult.EOS;
                    break;
                }
                all[len++] = next;
                out.add(next);
                String stopped = stopText(tokenizer, promptText, out, all, len, options.stopStrings());
                if (stopped != null) {
                    return new GenerationResult(out, stopped, GenerationResult.STOP_STRING, dropped);
                }
            }
        }
        text = continuation(tokenizer, promptText, out, all, len);
        return new GenerationResult(out, text, reason, dropped);
    }

    /**
     * Most prompt tokens kept: the sequence length ({@code options.maxSequenceLength()}, capped by the
     * context) less the room for {@code maxNewTokens}, and always below the context.
     */
    public static int promptBudget(CausalLm lm, GenerationOptions options) {
        int context = lm.config().maxPositions();
        return Math.min(context - 1, PromptFit.budget(options.maxSequenceLength(), context, options.maxNewTokens()));
    }

    /**
     * The generated text. Decoding prompt + continuation and removing the decoded prompt keeps the
     * spacing right for tokenizers that strip a leading space when decoding (SentencePiece).
     */
    static String continuation(ModelTokenizer tok, String promptText, List<Integer> out, long[] all, int len) {
        String full = tok.decode(Arrays.copyOf(all, len));
        if (full.startsWith(promptText)) {
            return full.substring(promptText.length());
        }
        return tok.decode(ids(out));
    }

    /**
     * The text before the first stop string once one has been generated, else null. Looks in the
     * decoded new tokens first, so a step costs the answer's length, not the prompt's (a tokenizer
     * may decode a first token without its leading space, hence the stripped stop strings); the text
     * returned is cut from {@link #continuation} as without that shortcut.
     */
    static String stopText(ModelTokenizer tok, String promptText, List<Integer> out, long[] all, int len,
            List<String> stops) {
        if (stops.isEmpty()) {
            return null;
        }
        String decoded = tok.decode(ids(out));
        // the decoded new tokens hold every non-space character of the continuation
        if (stops.stream().noneMatch(stop -> decoded.contains(stop.strip()))) {
            return null;
        }
        String text = continuation(tok, promptText, out, all, len);
        int cut = firstStop(text, stops);
        return cut < 0 ? null : text.substring(0, cut);
    }

    private static long[] ids(List<Integer> tokens) {
        return tokens.stream().mapToLong(Integer::longValue).toArray();
    }

    static int firstStop(String text, List<String> stops) {
        int best = -1;
        for (String s : stops) {
            int i = text.indexOf(s);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }
}
