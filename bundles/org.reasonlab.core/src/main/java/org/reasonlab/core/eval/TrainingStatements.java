package org.reasonlab.core.eval;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.text.StatementKey;

/**
 * The statements a model was trained on, normalised as the dataset's leakage check normalises them
 * ({@link StatementKey}), so that an evaluation can mark the records whose statement the model has
 * seen and report figures without them.
 */
public final class TrainingStatements {
    private static final TrainingStatements NONE = new TrainingStatements(Set.of());

    private final Set<String> keys;

    private TrainingStatements(Set<String> keys) {
        this.keys = keys;
    }

    public static TrainingStatements of(Collection<DatasetRecord> training) {
        Set<String> keys = new HashSet<>();
        for (DatasetRecord r : training) {
            String key = StatementKey.of(r.statement());
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return new TrainingStatements(keys);
    }

    /** No training records: nothing is leaked (a pre-trained model, as far as this dataset goes). */
    public static TrainingStatements none() {
        return NONE;
    }

    /** Whether the statement, normalised, is one of the training statements. */
    public boolean contains(String statement) {
        String key = StatementKey.of(statement);
        return !key.isEmpty() && keys.contains(key);
    }

    public int size() {
        return keys.size();
    }
}
