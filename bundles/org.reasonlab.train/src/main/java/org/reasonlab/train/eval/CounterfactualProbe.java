package org.reasonlab.train.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reasonlab.core.counterfactual.AttributeSet;
import org.reasonlab.core.counterfactual.CounterfactualVariants;
import org.reasonlab.core.counterfactual.ProbeJson;
import org.reasonlab.core.counterfactual.ProbePair;
import org.reasonlab.core.counterfactual.ProbeReport;
import org.reasonlab.core.counterfactual.ProbeResults;
import org.reasonlab.core.counterfactual.Substitution;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.run.Prediction;

/**
 * The counterfactual probe: the variants of the evaluated records ({@link CounterfactualVariants}) are evaluated
 * the same way as the records, each paired with its record's prediction ({@link ProbePair}), and the flip rates and
 * the shift of the labels' probabilities (from each label's log-likelihood, {@link Prediction#labelLogLikelihoods()})
 * printed ({@link ProbeResults#humanSummary()}) and written to {@code probe.json} ({@link ProbeJson}).
 */
final class CounterfactualProbe {
    private CounterfactualProbe() {
    }

    /**
     * @param evaluated the records the originals were evaluated on (those the evaluator skipped or left out past its
     *        limit have no prediction and no variant)
     * @param evaluator the evaluator that evaluated them; its limit is lifted, so every variant of an evaluated
     *        record is evaluated
     * @param file where {@code probe.json} goes
     */
    static ProbeResults run(AttributeSet attributes, List<DatasetRecord> evaluated, EvalResult originals,
            Evaluator evaluator, Dataset dataset, String evalName, AnswerSource source, ProbeResults.Subject subject,
            Path file, PrintStream out) throws IOException {
        Map<String, Prediction> byId = new HashMap<>();
        originals.predictions().forEach(p -> {
            if (p.id() != null) {
                byId.put(p.id(), p);
            }
        });
        List<DatasetRecord> probed = evaluated.stream().filter(r -> r.id() != null && byId.containsKey(r.id()))
                .toList();
        CounterfactualVariants cv = CounterfactualVariants.of(probed, new Substitution(attributes), null);
        List<ProbePair> pairs = new ArrayList<>();
        if (!cv.variants().isEmpty()) {
            EvalResult variants = evaluator.limit(0).evaluate(cv.variants(), dataset.schema(),
                    evalName + " (counterfactual)", source);
            Map<String, Prediction> variantById = new HashMap<>();
            variants.predictions().forEach(p -> variantById.put(p.id(), p));
            for (int i = 0; i < cv.variants().size(); i++) {
                DatasetRecord v = cv.variants().get(i);
                Prediction original = byId.get(cv.origins().get(i).id());
                Prediction variant = v.id() == null ? null : variantById.get(v.id());
                if (original != null && variant != null) {
                    pairs.add(new ProbePair(original, variant, v.metadata().get("value").getAsString(),
                            List.of(v.metadata().get("pairs").getAsString().split(", "))));
                }
            }
        }
        ProbeResults results = ProbeResults.of(new ProbeReport(pairs), attributes.name(), subject, probed.size(),
                cv.withAttribute(), cv.skipped().size());
        ProbeJson.write(results, file);
        out.print(results.humanSummary());
        out.println("wrote " + file);
        return results;
    }
}
