package org.reasonlab.train.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reasonlab.core.compare.Proportion;
import org.reasonlab.core.counterfactual.AttributeSet;
import org.reasonlab.core.counterfactual.CounterfactualVariants;
import org.reasonlab.core.counterfactual.ProbeJson;
import org.reasonlab.core.counterfactual.ProbePair;
import org.reasonlab.core.counterfactual.ProbeReport;
import org.reasonlab.core.counterfactual.Substitution;
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.run.JsonFields;
import org.reasonlab.core.run.Prediction;

/**
 * The counterfactual probe: the variants of the evaluated records ({@link CounterfactualVariants}) are evaluated
 * the same way as the records, each paired with its record's prediction ({@link ProbePair}), and the flip rates
 * printed and written to {@code probe.json} in the output folder.
 */
final class CounterfactualProbe {
    private CounterfactualProbe() {
    }

    static ProbeReport run(AttributeSet attributes, List<DatasetRecord> evaluated, EvalResult originals,
            Evaluator evaluator, Dataset dataset, String evalName, AnswerSource source, Path outDir, PrintStream out)
            throws IOException {
        CounterfactualVariants cv = CounterfactualVariants.of(evaluated, new Substitution(attributes), null);
        Map<String, Prediction> byId = new HashMap<>();
        originals.predictions().forEach(p -> {
            if (p.id() != null) {
                byId.put(p.id(), p);
            }
        });
        List<ProbePair> pairs = new ArrayList<>();
        if (!cv.variants().isEmpty()) {
            EvalResult variants = evaluator.evaluate(cv.variants(), dataset.schema(), evalName + " (counterfactual)",
                    source);
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
        ProbeReport report = new ProbeReport(pairs);
        byte[] json = (JsonFields.PRETTY.toJson(ProbeJson.of(report, attributes.name(), evaluated.size(),
                cv.withAttribute(), cv.skipped().size())) + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = outDir.resolve(ProbeJson.FILE);
        AtomicFiles.write(file, o -> o.write(json));
        out.println("counterfactual probe (" + attributes.name() + "): " + cv.withAttribute() + " of "
                + evaluated.size() + " records hold its words, " + pairs.size() + " variant(s) evaluated, "
                + cv.skipped().size() + " left out as ambiguous");
        out.println("  label flips            " + text(report.labelFlips(false)) + "   leakage-free "
                + text(report.labelFlips(true)));
        out.println("  reason verdict flips   " + text(report.reasonFlips(false)));
        out.println("  likelihood label flips " + text(report.likelihoodFlips(false)));
        report.labelFlipsByPair(false).forEach((pair, p) -> out.println("  " + pair + "  " + text(p)));
        out.println("wrote " + file);
        return report;
    }

    private static String text(Proportion p) {
        return p.n() == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * p.k() / p.n(), p.k(), p.n());
    }
}
