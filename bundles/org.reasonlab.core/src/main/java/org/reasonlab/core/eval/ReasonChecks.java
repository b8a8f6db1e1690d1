package org.reasonlab.core.eval;

import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.validate.VerdictDetector;

/**
 * Whether a model's reason argues for the label it predicted: the alignment of label and reason
 * that the DFAR paper measured. The reason's verdict is read conservatively by
 * {@link VerdictDetector}; reasons without a clear verdict are not judged.
 */
public final class ReasonChecks {
    private final VerdictDetector detector;

    public ReasonChecks(LabelSchema schema) {
        this.detector = new VerdictDetector(schema);
    }

    /**
     * @param predictedLabel the label the model predicted (canonical name), null when unparseable
     * @param generatedReason the reason it generated, may be null
     */
    public ReasonCheck check(String predictedLabel, String generatedReason) {
        String verdict = detector.verdict(generatedReason).orElse(null);
        Boolean agrees = verdict == null || predictedLabel == null ? null : verdict.equals(predictedLabel);
        return new ReasonCheck(verdict, agrees);
    }
}
