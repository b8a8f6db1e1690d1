package org.reasonlab.train.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * What the {@link Evaluator} asks a model: the text it generates after a prompt and, optionally,
 * how likely it finds each of some continuations. {@link ModelAnswerSource} is the model-backed
 * implementation; tests plug in fakes with known outputs.
 */
public interface AnswerSource {

    /** The answer generated after {@code prompt}. */
    GeneratedAnswer generate(String prompt);

    /**
     * {@link #generate} for each prompt, in order; a source may answer them as one batch, with the
     * same answers.
     */
    default List<GeneratedAnswer> generateAll(List<String> prompts) {
        List<GeneratedAnswer> out = new ArrayList<>(prompts.size());
        for (String p : prompts) {
            out.add(generate(p));
        }
        return out;
    }

    /** Whether {@link #logLikelihoods} is implemented; without it no likelihood accuracy is reported. */
    default boolean scoresContinuations() {
        return false;
    }

    /**
     * The total log-likelihood (natural log, summed over tokens) of each continuation directly
     * after {@code prompt}, in the order given; all are conditioned on the same context.
     *
     * @param wholeAnswers whether each continuation is a whole answer, so that the end of the
     *        answer (EOS, as training taught it) is scored too
     * @throws UnsupportedOperationException when {@link #scoresContinuations()} is false
     */
    default double[] logLikelihoods(String prompt, List<String> continuations, boolean wholeAnswers) {
        throw new UnsupportedOperationException("this answer source does not score continuations");
    }
}
