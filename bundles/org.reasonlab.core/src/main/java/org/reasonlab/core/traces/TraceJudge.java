package org.reasonlab.core.traces;

import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.text.WordCounter;
import org.reasonlab.core.validate.VerdictDetector;

/**
 * Judges traces against gold labels with the dataset's label schema: the trace's verdict is what
 * {@link VerdictDetector} reads in it, the same reading {@code validate} uses to find reasons that contradict
 * their label.
 */
public final class TraceJudge {
    private final LabelSchema schema;
    private final VerdictDetector detector;

    public TraceJudge(LabelSchema schema) {
        this.schema = schema;
        this.detector = new VerdictDetector(schema);
    }

    /**
     * @param goldLabel the record's label (a name or alias of the schema), or null
     * @param trace the trace
     */
    public TraceJudgement judge(String goldLabel, String trace) {
        String verdict = detector.verdict(trace).orElse(null);
        String gold = schema.resolve(goldLabel).orElse(null);
        Correctness correctness = verdict == null || gold == null ? Correctness.UNCLEAR
                : verdict.equals(gold) ? Correctness.CORRECT : Correctness.INCORRECT;
        return new TraceJudgement(verdict, correctness, WordCounter.words(trace));
    }
}
