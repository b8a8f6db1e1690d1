package org.reasonlab.core.eval;

import java.util.Objects;

import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.prompt.AnswerParser;
import org.reasonlab.core.prompt.ParsedAnswer;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.Prediction;

/** Turns a model's generated answer to an evaluation record into a scored {@link Prediction}. */
public final class PredictionScorer {
    private final LabelSchema schema;
    private final AnswerParser parser;
    private final ReasonChecks reasonChecks;

    public PredictionScorer(LabelSchema schema, TrainingMode mode) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.parser = new AnswerParser(schema, mode);
        this.reasonChecks = new ReasonChecks(schema);
    }

    /** {@link #score(DatasetRecord, String, boolean)} of an answer that ended by itself. */
    public Prediction score(DatasetRecord record, String generated) {
        return score(record, generated, false);
    }

    /**
     * @param record the evaluation record (its label is resolved through the schema)
     * @param generated the text the model generated after the prompt
     * @param truncated whether generation stopped at the token limit ({@link AnswerParser#parse(String, boolean)})
     */
    public Prediction score(DatasetRecord record, String generated, boolean truncated) {
        ParsedAnswer answer = parser.parse(generated, truncated);
        ReasonCheck check = reasonChecks.check(answer.label(), answer.reason());
        String goldLabel = schema.resolve(record.label()).orElse(record.label());
        String goldReason = record.reason();
        boolean comparable = answer.reason() != null && goldReason != null && !goldReason.isBlank();
        return new Prediction(record.id(), record.statement(), goldLabel, goldReason, generated, answer.label(),
                answer.reason(), answer.parseable(), check.verdict(), check.agrees(),
                comparable ? RougeL.f1(answer.reason(), goldReason) : null,
                comparable ? TokenF1.f1(answer.reason(), goldReason) : null, null, truncated, false);
    }
}
