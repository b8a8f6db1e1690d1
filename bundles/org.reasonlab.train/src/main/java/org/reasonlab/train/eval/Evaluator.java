package org.reasonlab.train.eval;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.reasonlab.core.eval.MetricsReport;
import org.reasonlab.core.eval.PredictionScorer;
import org.reasonlab.core.eval.TrainingStatements;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.model.SplitRecords;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.PromptTemplates;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.EvalEvent;
import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunEventLog;

/**
 * Evaluates a model on a dataset split the way DFAR does: each record's prompt is built with the
 * mode's template, the model answers greedily, {@link PredictionScorer} reads and scores the
 * answer. Next to that generated-label accuracy it measures a parse-free <b>likelihood
 * accuracy</b>: per record, the total log-likelihood of each label's answer text after the prompt
 * (one teacher-forced forward pass per label), the most likely label being the prediction. The
 * answer text is {@code template.answer(label, "")} trimmed, i.e. the label continuation without a
 * reason ({@code "ethical"} in mode L, {@code "ethical."} in L+R, {@code "Therefore the statement
 * is ethical."} in R-&gt;L, where it is scored right after the prompt, without a reason before it).
 * Each prediction carries its record's likelihood label ({@link Prediction#likelihoodLabel()}) and every label's
 * log-likelihood ({@link Prediction#labelLogLikelihoods()}, which the counterfactual probe's likelihood shift
 * compares), whether
 * generation hit the token limit ({@link Prediction#truncated()}: an R-&gt;L answer cut before its verdict
 * is unparseable) and whether the model was trained on its statement ({@link Prediction#leaked()}).
 *
 * <p>Evaluating an <b>untrained base model</b> this way gives the DFAR paper's "pre-trained" row;
 * nothing special is needed. An untrained model rarely answers in the template's form, so expect
 * many unparseable answers there; the likelihood accuracy is the fairer number for it.
 */
public final class Evaluator {

    /** Called after each record, with the count done so far, the total and the record's prediction. */
    @FunctionalInterface
    public interface Progress {
        void record(int done, int total, Prediction prediction);
    }

    private final TrainingMode mode;
    private final PromptTemplate template;
    private final String modelName;
    private Progress progress = (d, t, p) -> { };
    private boolean likelihood = true;
    private int limit = 0;
    private int batchSize = 1;
    private TrainingStatements training = TrainingStatements.none();

    public Evaluator(TrainingMode mode, String modelName) {
        this(mode, PromptTemplates.defaultFor(mode), modelName);
    }

    public Evaluator(TrainingMode mode, PromptTemplate template, String modelName) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.template = Objects.requireNonNull(template, "template");
        this.modelName = modelName == null ? "?" : modelName;
    }

    public Evaluator progress(Progress p) {
        this.progress = Objects.requireNonNull(p, "progress");
        return this;
    }

    /** Whether to measure the likelihood accuracy (default true; needs a source that scores continuations). */
    public Evaluator likelihood(boolean on) {
        this.likelihood = on;
        return this;
    }

    /** Prompts handed to {@link AnswerSource#generateAll} at once (default 1); answers do not depend on it. */
    public Evaluator batchSize(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("batch size must be positive, was " + n);
        }
        this.batchSize = n;
        return this;
    }

    /**
     * The statements the model was trained on: predictions on records among them are marked
     * {@link Prediction#leaked()} and left out of the leakage-free figures (default: none).
     */
    public Evaluator trainedOn(TrainingStatements statements) {
        this.training = Objects.requireNonNull(statements, "statements");
        return this;
    }

    /** Evaluate only the first {@code n} records of the split (0 = all). */
    public Evaluator limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + n);
        }
        this.limit = n;
        return this;
    }

    /** Evaluates the records of {@code split} (see {@link SplitRecords}: all records when the dataset has no splits). */
    public EvalResult evaluate(Dataset dataset, Split split, AnswerSource source) {
        SplitRecords records = SplitRecords.of(dataset, split);
        return evaluate(records.records(), dataset.schema(), records.name(), source);
    }

    /**
     * Evaluates {@code records}. Records without a statement or with a label the schema does not
     * know are skipped and counted.
     */
    public EvalResult evaluate(List<DatasetRecord> records, LabelSchema schema, String splitName, AnswerSource source) {
        Objects.requireNonNull(source, "source");
        List<DatasetRecord> usable = new ArrayList<>();
        int skipped = 0;
        for (DatasetRecord r : records) {
            boolean ok = r.statement() != null && !r.statement().isBlank() && r.label() != null
                    && schema.resolve(r.label()).isPresent();
            if (!ok) {
                skipped++;
            } else if (limit == 0 || usable.size() < limit) {
                usable.add(r);
            }
        }
        PredictionScorer scorer = new PredictionScorer(schema, mode);
        List<String> labels = schema.names();
        // without a reason, a label's continuation is the whole answer as training fed it, then EOS
        boolean wholeAnswers = !template.usesReason();
        List<String> continuations = labels.stream()
                .map(l -> wholeAnswers ? template.answer(l, "") : template.answer(l, "").strip()).toList();
        boolean scoreLikelihood = likelihood && source.scoresContinuations();
        List<Prediction> predictions = new ArrayList<>(usable.size());
        List<String> llLabels = scoreLikelihood ? new ArrayList<>(usable.size()) : null;
        int llCorrect = 0;
        for (int from = 0; from < usable.size(); from += batchSize) {
            List<DatasetRecord> batch = usable.subList(from, Math.min(usable.size(), from + batchSize));
            List<String> prompts = batch.stream().map(template::prompt).toList();
            List<GeneratedAnswer> answers = prompts.size() == 1 ? List.of(nonNull(source.generate(prompts.get(0))))
                    : source.generateAll(prompts);
            for (int i = 0; i < batch.size(); i++) {
                DatasetRecord record = batch.get(i);
                GeneratedAnswer answer = nonNull(answers.get(i));
                Prediction p = scorer.score(record, answer.text(), answer.truncated())
                        .withLeaked(training.contains(record.statement()));
                if (scoreLikelihood) {
                    double[] ll = source.logLikelihoods(prompts.get(i), continuations, wholeAnswers);
                    String best = labels.get(argmax(ll));
                    llLabels.add(best);
                    Map<String, Double> byLabel = new LinkedHashMap<>();
                    for (int l = 0; l < labels.size(); l++) {
                        byLabel.put(labels.get(l), ll[l]);
                    }
                    p = p.withLikelihoodLabel(best).withLabelLogLikelihoods(byLabel);
                    if (p.likelihoodCorrect()) {
                        llCorrect++;
                    }
                }
                predictions.add(p);
                progress.record(predictions.size(), usable.size(), p);
            }
        }
        MetricsReport report = MetricsReport.of(predictions, labels);
        Double llAccuracy = scoreLikelihood ? (usable.isEmpty() ? 0.0 : (double) llCorrect / usable.size()) : null;
        return new EvalResult(mode, modelName, splitName, predictions, report, llLabels, llCorrect, llAccuracy,
                skipped);
    }

    private static GeneratedAnswer nonNull(GeneratedAnswer generated) {
        return generated == null ? GeneratedAnswer.complete("") : generated;
    }

    /** Index of the largest value; the first one on ties; NaN never wins. */
    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best] || Double.isNaN(values[best])) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Writes {@code predictions.jsonl} and {@code metrics.json} into {@code run} and, when
     * {@code events} is given, appends an {@link EvalEvent} with {@link EvalResult#summary()}.
     */
    public static void write(EvalResult result, RunDirectory run, RunEventLog events, long step) throws IOException {
        result.write(run);
        if (events != null) {
            events.append(event(result, step));
        }
    }

    /** The eval event of a result, after optimizer step {@code step}. */
    public static EvalEvent event(EvalResult result, long step) {
        return new EvalEvent(Instant.now(), step, result.summary());
    }

    /** Convenience for callers that collect events elsewhere. */
    public static void emit(EvalResult result, long step, Consumer<? super EvalEvent> sink) {
        sink.accept(event(result, step));
    }
}
