package org.reasonlab.ui.internal.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;

/**
 * Run folders in a workspace project for comparison and review tests: items {@code r0..r(n-1)} with gold labels
 * alternating, the run right on the items {@code correct} accepts, reasons that do not name the run.
 */
final class StatisticsFixtures {
    private StatisticsFixtures() {
    }

    static Path run(IProject project, String path, String mode, long seed, int items, IntPredicate correct,
            String reasonPrefix) throws CoreException {
        Path folder = ResultsTestSupport.folder(project, path);
        String name = folder.getFileName().toString();
        ResultsTestSupport.write(project, path + "/spec.json", String.format(Locale.ROOT,
                "{\"version\":1,\"runId\":\"%s\",\"dataset\":\"/data/d.jsonl\",\"mode\":\"%s\",\"model\":\"tiny\","
                        + "\"seed\":%d}", name, mode, seed));
        StringBuilder sb = new StringBuilder();
        int right = 0;
        for (int i = 0; i < items; i++) {
            String gold = i % 2 == 0 ? "ethical" : "unethical";
            String predicted = correct.test(i) ? gold : i % 2 == 0 ? "unethical" : "ethical";
            right += correct.test(i) ? 1 : 0;
            sb.append(String.format(Locale.ROOT, "{\"id\":\"r%d\",\"statement\":\"Statement %d.\",\"goldLabel\":\"%s\","
                    + "\"goldReason\":\"Gold reason %d.\",\"generated\":\"text\",\"predictedLabel\":\"%s\","
                    + "\"generatedReason\":\"%s reason %d.\",\"parseable\":true,\"reasonVerdict\":null,"
                    + "\"reasonAgrees\":true,\"leaked\":%s}%n", i, i, gold, i, predicted, reasonPrefix, i, i >= items - 4));
        }
        ResultsTestSupport.write(project, path + "/predictions.jsonl", sb.toString());
        double acc = (double) right / items;
        ResultsTestSupport.write(project, path + "/metrics.json", String.format(Locale.ROOT,
                "{\"accuracy\":%s,\"macroF1\":%s,\"unparseableRate\":0.0,\"reasons\":{\"agreement\":1.0}}", acc, acc));
        return folder;
    }

    static String groupFile(List<String> members) {
        return "{\"format\":\"reasonlab-run-group/1\",\"origin\":\"sweep\",\"created\":\"2026-12-06T10:00:00Z\","
                + "\"members\":[\"" + String.join("\",\"", members) + "\"]}";
    }
}
