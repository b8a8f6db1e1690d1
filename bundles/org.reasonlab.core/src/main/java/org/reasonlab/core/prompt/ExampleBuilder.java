package org.reasonlab.core.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.model.SplitRecords;

/** Turns dataset records into training examples with a template, skipping records that cannot give one. */
public final class ExampleBuilder {
    private final PromptTemplate template;
    private final LabelSchema schema;

    public ExampleBuilder(PromptTemplate template, LabelSchema schema) {
        this.template = Objects.requireNonNull(template, "template");
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    /** The example for the record, or empty when {@link #skipReason} has one. */
    public Optional<TrainingExample> build(DatasetRecord record) {
        if (skipReason(record).isPresent()) {
            return Optional.empty();
        }
        String label = schema.resolve(record.label()).orElseThrow();
        return Optional.of(new TrainingExample(template.prompt(record.statement()),
                template.answer(label, record.reason())));
    }

    /** Why the record gives no example, or empty when it gives one. The label is written as its canonical name. */
    public Optional<SkipReason> skipReason(DatasetRecord record) {
        if (isBlank(record.statement())) {
            return Optional.of(SkipReason.NO_STATEMENT);
        }
        if (isBlank(record.label())) {
            return Optional.of(SkipReason.NO_LABEL);
        }
        if (schema.resolve(record.label()).isEmpty()) {
            return Optional.of(SkipReason.UNKNOWN_LABEL);
        }
        if (template.usesReason() && isBlank(record.reason())) {
            return Optional.of(SkipReason.NO_REASON);
        }
        return Optional.empty();
    }

    /**
     * The examples of one split.
     *
     * @param split the split to take records from; null takes every record, assigned to a split or not
     */
    public ExampleSet buildAll(List<DatasetRecord> records, Split split) {
        List<TrainingExample> examples = new ArrayList<>();
        List<DatasetRecord> used = new ArrayList<>();
        List<SkippedRecord> skipped = new ArrayList<>();
        for (DatasetRecord record : records) {
            if (split != null && record.split() != split) {
                continue;
            }
            Optional<SkipReason> skip = skipReason(record);
            if (skip.isPresent()) {
                skipped.add(new SkippedRecord(record.id(), record.sourceLine(), skip.get()));
            } else {
                examples.add(build(record).orElseThrow());
                used.add(record);
            }
        }
        return new ExampleSet(examples, used, skipped);
    }

    /** The examples of a split's records ({@link SplitRecords}: all records when the dataset assigns no splits). */
    public ExampleSet buildAll(SplitRecords split) {
        return buildAll(split.records(), null);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
