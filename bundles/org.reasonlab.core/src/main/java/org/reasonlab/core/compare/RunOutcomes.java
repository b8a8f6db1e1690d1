package org.reasonlab.core.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.reasonlab.core.review.ReviewSet;
import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.run.PredictionsFile;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunMetrics;
import org.reasonlab.core.run.RunSpecs;

/**
 * A run's answers item by item ({@code predictions.jsonl}), keyed as reviews key them ({@link ReviewSet#keyOf}:
 * the record id, else {@code #n}), with the run's seed and the labels its macro-F1 averages over: what paired tests
 * and per-run intervals are computed from.
 *
 * @param folder the run folder
 * @param seed the spec's seed; null for a pre-trained evaluation or an unreadable spec
 * @param predictions by key, in file order
 * @param labels the labels of {@code metrics.json}'s confusion matrix, else the gold labels that occur, sorted
 */
public record RunOutcomes(Path folder, Long seed, Map<String, Prediction> predictions, List<String> labels) {
    public RunOutcomes {
        predictions = Collections.unmodifiableMap(new LinkedHashMap<>(predictions));
        labels = List.copyOf(labels);
    }

    /**
     * Reads the run's predictions, spec and metrics.
     *
     * @throws IOException naming the file when {@code predictions.jsonl} is missing or unreadable, or two predictions
     *         share a key
     */
    public static RunOutcomes read(Path folder) throws IOException {
        RunDirectory run = new RunDirectory(folder);
        Path file = run.predictionsFile();
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing (the run has not been evaluated)");
        }
        List<Prediction> list = PredictionsFile.read(file);
        Map<String, Prediction> byKey = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String key = ReviewSet.keyOf(list.get(i), i);
            if (byKey.put(key, list.get(i)) != null) {
                throw new IOException(file + ": line " + (i + 1) + ": record id '" + key
                        + "' occurs twice; predictions cannot be paired with another run's");
            }
        }
        Long seed = null;
        if (Files.isRegularFile(run.specFile())) {
            try {
                seed = RunSpecs.read(run.specFile()).seed();
            } catch (IOException | RuntimeException unreadable) {
                seed = null; // the summary reports the spec's problem
            }
        }
        List<String> labels = new ArrayList<>();
        if (Files.isRegularFile(run.metricsFile())) {
            try {
                labels.addAll(RunMetrics.read(run.metricsFile()).confusionRows());
            } catch (IOException | RuntimeException unreadable) {
                labels.clear();
            }
        }
        if (labels.isEmpty()) {
            labels.addAll(new TreeSet<>(list.stream().map(Prediction::goldLabel).toList()));
        }
        return new RunOutcomes(folder, seed, byKey, labels);
    }

    private List<Prediction> selected(boolean clean) {
        return predictions.values().stream().filter(p -> !clean || !p.leaked()).toList();
    }

    /** Correct predictions of those evaluated; {@code clean}: of those not marked leaked. */
    public Proportion accuracy(boolean clean) {
        List<Prediction> ps = selected(clean);
        return new Proportion((int) ps.stream().filter(Prediction::correct).count(), ps.size());
    }

    /** Answers no label could be read from, of those evaluated. */
    public Proportion unparseable(boolean clean) {
        List<Prediction> ps = selected(clean);
        return new Proportion((int) ps.stream().filter(p -> !p.parseable()).count(), ps.size());
    }

    /** Likelihood labels that are the gold label, of the predictions that have one (null when none has). */
    public Proportion likelihoodAccuracy(boolean clean) {
        List<Prediction> measured = selected(clean).stream().filter(p -> p.likelihoodLabel() != null).toList();
        return measured.isEmpty() ? null
                : new Proportion((int) measured.stream().filter(Prediction::likelihoodCorrect).count(), measured.size());
    }

    /**
     * Generated reasons that argue for another label than the predicted one, of those whose agreement could be
     * judged ({@code reasonAgrees} not null): the automatic misalignment rate's counts.
     */
    public Proportion automaticMisalignment(boolean clean) {
        List<Prediction> judged = selected(clean).stream().filter(p -> p.reasonAgrees() != null).toList();
        return new Proportion((int) judged.stream().filter(p -> !p.reasonAgrees()).count(), judged.size());
    }
}
