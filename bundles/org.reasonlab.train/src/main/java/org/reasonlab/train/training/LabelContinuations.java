package org.reasonlab.train.training;

import java.util.List;

import org.reasonlab.core.prompt.PromptTemplate;

/**
 * The label continuations whose likelihoods make a prompt's label distribution, the way the evaluator's
 * likelihood accuracy scores labels ({@link org.reasonlab.train.eval.Evaluator}): {@code template.answer(label, "")},
 * as the whole answer with EOS when the template has no reason, else trimmed and without EOS.
 */
public record LabelContinuations(List<String> texts, boolean wholeAnswers) {
    public LabelContinuations {
        texts = List.copyOf(texts);
    }

    public static LabelContinuations of(PromptTemplate template, List<String> labels) {
        boolean whole = !template.usesReason();
        return new LabelContinuations(labels.stream()
                .map(l -> whole ? template.answer(l, "") : template.answer(l, "").strip()).toList(), whole);
    }
}
