package org.reasonlab.core.prompt;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.reasonlab.core.model.DatasetRecord;

/**
 * The examples built from the records of one split and what was skipped.
 *
 * @param examples the examples in record order
 * @param records the record each example was built from, at the same index (for evaluation: id, gold label)
 * @param skipped the records of the split that gave no example, in record order
 */
public record ExampleSet(List<TrainingExample> examples, List<DatasetRecord> records, List<SkippedRecord> skipped) {
    public ExampleSet {
        examples = List.copyOf(examples);
        records = List.copyOf(records);
        skipped = List.copyOf(skipped);
        if (examples.size() != records.size()) {
            throw new IllegalArgumentException("one record per example");
        }
    }

    /** How many records were skipped for each reason; reasons that did not occur are left out. */
    public Map<SkipReason, Integer> skipCounts() {
        Map<SkipReason, Integer> counts = new EnumMap<>(SkipReason.class);
        for (SkippedRecord s : skipped) {
            counts.merge(s.reason(), 1, Integer::sum);
        }
        return counts;
    }

    /** E.g. {@code "1200 examples; skipped 3: 2 no reason, ..., 1 no statement"}. */
    public String summary() {
        StringBuilder sb = new StringBuilder().append(examples.size()).append(" examples");
        if (!skipped.isEmpty()) {
            sb.append("; skipped ").append(skipped.size()).append(':');
            String sep = " ";
            for (Map.Entry<SkipReason, Integer> e : skipCounts().entrySet()) {
                sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().description());
                sep = ", ";
            }
        }
        return sb.toString();
    }
}
