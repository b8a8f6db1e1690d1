package org.reasonlab.train.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.reasonlab.train.model.AnswerTokens;
import org.reasonlab.train.model.CausalLm;
import org.reasonlab.train.model.InferenceForward;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelTokenizer;
import org.reasonlab.train.model.PromptFit;

/**
 * Generates for several prompts in one batch, with the results {@link Generator#generate} gives
 * for each alone: prompts are fitted the same way, left-padded to one length and masked, each row
 * counts its positions from its own first token ({@link KvCache#leftPadding()}), and each row has
 * its own {@link Sampler} and stopping. Greedy results match token for token (barring exact ties
 * that rounding in the larger products could tip); a row that is done is fed on and ignored until
 * the whole batch is.
 */
public final class BatchGenerator {
    private BatchGenerator() {
    }

    public static List<GenerationResult> generate(LoadedModel model, List<String> prompts, GenerationOptions options) {
        try (InferenceForward forward = model.model().inference()) {
            return generate(model, forward, prompts, options);
        }
    }

    /** {@link #generate(LoadedModel, List, GenerationOptions)} through a given forward. */
    public static List<GenerationResult> generate(LoadedModel model, InferenceForward forward, List<String> prompts,
            GenerationOptions options) {
        List<long[]> ids = new ArrayList<>(prompts.size());
        for (String p : prompts) {
            ids.add(Generator.promptIds(model, p));
        }
        List<GenerationResult> results = generate(model.model(), forward, model.tokenizer(), model.manager(), ids,
                options);
        List<GenerationResult> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            out.add(results.get(i).withText(AnswerTokens.afterPrompt(prompts.get(i), results.get(i).text())));
        }
        return out;
    }

    /** Generates from the prompts' token ids, one result per prompt in the same order. */
    public static List<GenerationResult> generate(CausalLm lm, ModelTokenizer tokenizer, NDManager parent,
            List<long[]> promptIds, GenerationOptions options) {
        try (InferenceForward forward = lm.inference()) {
            return generate(lm, forward, tokenizer, parent, promptIds, options);
        }
    }

    /** {@link #generate(CausalLm, ModelTokenizer, NDManager, List, GenerationOptions)} through a given forward. */
    public static List<GenerationResult> generate(CausalLm lm, InferenceForward forward, ModelTokenizer tokenizer,
            NDManager parent, List<long[]> promptIds, GenerationOptions options) {
        int n = promptIds.size();
        if (n == 0) {
            return List.of();
        }
        int maxPos = lm.config().maxPositions();
        int budget = Generator.promptBudget(lm, options);
        Row[] rows = new Row[n];
        int width = 0;
        for (int b = 0; b < n; b++) {
            rows[b] = new Row(tokenizer, PromptFit.left(promptIds.get(b), budget, tokenizer.bosId()),
                    promptIds.get(b).length, options);
            width = Math.max(width, rows[b].len);
        }
        long[] padding = new long[n];
        long[] feed = new long[n * width];
        for (int b = 0; b < n; b++) {
            padding[b] = width - rows[b].len;
            System.arraycopy(rows[b].all, 0, feed, (int) (b * width + padding[b]), rows[b].len);
        }
        List<Integer> eos = options.stopAtEos() ? lm.config().eosTokenIds() : List.of();
        try (NDManager gen = parent.newSubManager(); KvCache cache = new KvCache(gen, lm.config().numLayers(), padding,
                Math.min(maxPos, width + options.maxNewTokens()))) {
            for (int step = 0; step < options.maxNewTokens(); step++) {
                boolean any = false;
                for (Row r : rows) {
                    if (!r.done && r.len >= maxPos) {
                        r.finish(GenerationResult.CONTEXT_FULL);
                    }
                    any |= !r.done;
                }
                if (!any) {
                    break;
                }
                int total = width + step;
                int s = step == 0 ? width : 1;
                long[] mask = new long[n * total];
                for (int b = 0; b < n; b++) {
                    Arrays.fill(mask, (int) (b * total + padding[b]), (b + 1) * total, 1L);
                }
                float[] logits;
                int vocab;
                try (NDManager m = gen.newSubManager()) {
                    NDArray input = m.create(feed, new Shape(n, s));
                    NDArray out = forward.logits(input, m.create(mask, new Shape(n, total)), cache, true);
                    vocab = (int) out.getShape().get(2);
                    logits = out.toFloatArray();
                }
                feed = new long[n];
                for (int b = 0; b < n; b++) {
                    Row r = rows[b];
                    if (!r.done) {
                        r.next(Arrays.copyOfRange(logits, b * vocab, (b + 1) * vocab), eos, options);
                    }
                    feed[b] = r.all[r.len - 1]; // a done row repeats its last token; its output is not used
                }
            }
        }
        List<GenerationResult> results = new ArrayList<>(n);
        for (Row r : rows) {
            results.add(r.result());
        }
        return results;
    }

    /** One prompt's state: its tokens so far, its sampler, and how it ended. */
    private static final class Row {
        final ModelTokenizer tokenizer;
        final Sampler sampler;
        final String promptText;
        final long[] all;
        final int dropped;
        final List<Integer> out = new ArrayList<>();
        int len;
        boolean done;
        String reason = GenerationResult.MAX_NEW_TOKENS;
        String text;

        Row(ModelTokenizer tokenizer, long[] prompt, int given, GenerationOptions options) {
            this.tokenizer = tokenizer;
            this.sampler = new Sampler(options);
            this.promptText = tokenizer.decode(prompt);
            this.all = Arrays.copyOf(prompt, prompt.length + options.maxNewTokens());
            this.len = prompt.length;
            this.dropped = given - prompt.length;
        }

        void next(float[] logits, List<Integer> eos, GenerationOptions options) {
            int token = sampler.next(logits);
            if (eos.contains(token)) {
                finish(GenerationResult.EOS);
                return;
            }
            all[len++] = token;
            out.add(token);
            String stopped = Generator.stopText(tokenizer, promptText, out, all, len, options.stopStrings());
            if (stopped != null) {
                text = stopped;
                finish(GenerationResult.STOP_STRING);
            }
        }

        void finish(String why) {
            done = true;
            reason = why;
        }

        GenerationResult result() {
            String t = text != null ? text : Generator.continuation(tokenizer, promptText, out, all, len);
            return new GenerationResult(out, t, reason, dropped);
        }
    }
}
