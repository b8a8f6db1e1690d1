package org.reasonlab.train.training;

import java.util.Arrays;
import java.util.List;

import org.reasonlab.train.model.AnswerTokens;
import org.reasonlab.train.model.PromptFit;

/**
 * A training example's prompt and its counterfactual variants' prompts, each followed by every label continuation:
 * {@code (1 + variants) x labels} sequences, row {@code v * labels + k} being prompt {@code v} (0 = the original)
 * with label {@code k}. The consistency term scores each row's continuation tokens, from {@code starts[row]} on.
 */
public record CounterfactualPair(long[][] sequences, int[] starts, int variants, int labels) {

    static CounterfactualPair of(String prompt, List<String> variantPrompts, LabelContinuations labels,
            AnswerTokens tokens, Integer eosId, int maxLength, Integer bos) {
        int k = labels.texts().size();
        int rows = (1 + variantPrompts.size()) * k;
        long[][] sequences = new long[rows][];
        int[] starts = new int[rows];
        for (int v = 0; v <= variantPrompts.size(); v++) {
            String p = v == 0 ? prompt : variantPrompts.get(v - 1);
            for (int l = 0; l < k; l++) {
                AnswerTokens.Example e = tokens.split(p, labels.texts().get(l))
                        .withEnd(labels.wholeAnswers() ? eosId : null);
                long[] context = PromptFit.left(e.prompt(), Math.max(1, maxLength - e.answer().length), bos);
                long[] ids = Arrays.copyOf(context, context.length + e.answer().length);
                System.arraycopy(e.answer(), 0, ids, context.length, e.answer().length);
                sequences[v * k + l] = ids;
                starts[v * k + l] = Math.max(1, context.length);
            }
        }
        return new CounterfactualPair(sequences, starts, variantPrompts.size(), k);
    }
}
